import type { SyncedEntity, SyncRow } from '../../shared/api/sync';
import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
import { visibleFilter } from '../scope/predicates';
import type { Scope } from '../scope/scope';
import type { BaseRow, EntitySource } from './source';
import { ENTITY_SOURCES } from './sources';

/** Reading synced rows as a given caller may see them. */
export interface SyncReads {
  /** the newest seq handed out */
  serverSeq(): number;
  /** visible rows of one entity with after < seq <= upTo, in seq order, at most `limit` */
  rowsAfter(scope: Scope, entity: SyncedEntity, after: number, upTo: number, limit: number): SyncRow[];
  /** the visible ones among these rows (tombstones included), current state */
  rowsByIds(scope: Scope, entity: SyncedEntity, ids: readonly string[]): SyncRow[];
  /** whether a live (not deleted) row exists and the caller may see it */
  isVisible(scope: Scope, entity: SyncedEntity, id: string): boolean;
  /**
   * For each user who takes or took part in a conversation, the messages and conversations with
   * after < seq <= upTo that belong to those conversations (unscoped: push reads each back scoped)
   */
  participantRowsInRange(after: number, upTo: number): Map<string, { entity: SyncedEntity; id: string }[]>;
}

export function toSyncRow(source: EntitySource, row: BaseRow, scope: Scope): SyncRow {
  return { entity: source.entity, id: row.id, seq: row.seq, deleted: row.deleted === 1, data: source.toData(row, scope) };
}

/** Below this many seqs, a range is read along the seq index whoever asks (push: one commit). */
const SHORT_RANGE = 20_000;

/**
 * Which plan SQLite should use (a hint of this SQLite store; another store plans its own way).
 * Left alone, it walks the caller's visible conversations and sorts all their rows to return
 * the first page: fine for an agent's own chats, but a lead sees whole queues, and that made
 * every page of their pull read the whole history (measured: 120 ms a page at 300k messages,
 * growing with it). Along the seq index, a page reads about as many rows as it returns when most
 * rows are visible (leads), and a short range (a commit being pushed) is cheap for anyone.
 */
function walksSeq(scope: Scope, after: number, upTo: number): boolean {
  return scope.audience === 'lead' || upTo - after <= SHORT_RANGE;
}

/** A prepared read that returns rows as objects keyed by column name. */
interface RowQuery {
  all(params: Record<string, SqlValue>): BaseRow[];
  get(params: Record<string, SqlValue>): BaseRow | undefined;
}

/**
 * Reads rows as arrays and turns each into an object with an object literal compiled for the
 * statement's columns. better-sqlite3 builds row objects key by key in C++, which measured
 * about twice the CPU of the read itself on a 5,000-row pull page; a literal of fixed shape is
 * one allocation V8 already knows. Column names come from our own SELECT lists, never from input.
 */
function rowQuery(stmt: NamedStatement<unknown[]>): RowQuery {
  const names = stmt.columns().map((column) => column.name);
  const toRow = new Function('v', `return {${names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ')}};`) as (values: unknown[]) => BaseRow;
  return {
    all: (params) => stmt.all(params).map(toRow),
    get: (params) => {
      const values = stmt.get(params);
      return values === undefined ? undefined : toRow(values);
    },
  };
}

export function createSyncStore(db: SqliteDatabase): SyncReads {
  // One statement per distinct SQL text: a handful of scope shapes per entity, prepared once.
  const statements = new Map<string, RowQuery>();
  const prepared = (sql: string) => {
    let query = statements.get(sql);
    if (!query) {
      query = rowQuery(db.prepare<[Record<string, SqlValue>], unknown[]>(sql).raw(true));
      statements.set(sql, query);
    }
    return query;
  };
  const seq = db.prepare<[], { value: number }>('SELECT value FROM seq_counter WHERE id = 1');
  const participantRows = db.prepare<[number, number, number, number], { user_id: string; entity: SyncedEntity; id: string }>(
    `SELECT p.user_id, 'messages' AS entity, m.id FROM messages m INDEXED BY messages_by_seq
       JOIN conversation_participants p ON p.conversation_id = m.conversation_id WHERE m.seq > ? AND m.seq <= ?
     UNION ALL SELECT p.user_id, 'conversations', c.id FROM conversations c INDEXED BY conversations_by_seq
       JOIN conversation_participants p ON p.conversation_id = c.id WHERE c.seq > ? AND c.seq <= ?`,
  );

  return {
    serverSeq: () => seq.get()?.value ?? 0,

    rowsAfter(scope, entity, after, upTo, limit) {
      const source = ENTITY_SOURCES[entity];
      const filter = visibleFilter(entity, scope);
      const sql = `SELECT ${source.columns} FROM ${source.table} t ${walksSeq(scope, after, upTo) ? `INDEXED BY ${source.table}_by_seq` : ''}
        WHERE t.seq > @after AND t.seq <= @upto AND (${filter.sql}) ORDER BY t.seq LIMIT @limit`;
      return prepared(sql)
        .all({ ...filter.params, after, upto: upTo, limit })
        .map((row) => toSyncRow(source, row, scope));
    },

    rowsByIds(scope, entity, ids) {
      const source = ENTITY_SOURCES[entity];
      const filter = visibleFilter(entity, scope);
      const stmt = prepared(`SELECT ${source.columns} FROM ${source.table} t WHERE t.id = @id AND (${filter.sql})`);
      const rows: SyncRow[] = [];
      for (const id of ids) {
        const row = stmt.get({ ...filter.params, id });
        if (row) rows.push(toSyncRow(source, row, scope));
      }
      return rows;
    },

    isVisible(scope, entity, id) {
      const source = ENTITY_SOURCES[entity];
      const filter = visibleFilter(entity, scope);
      const stmt = prepared(`SELECT t.id, t.seq, t.deleted FROM ${source.table} t WHERE t.id = @id AND t.deleted = 0 AND (${filter.sql})`);
      return stmt.get({ ...filter.params, id }) !== undefined;
    },

    participantRowsInRange(after, upTo) {
      const byUser = new Map<string, { entity: SyncedEntity; id: string }[]>();
      for (const { user_id: userId, entity, id } of participantRows.all(after, upTo, after, upTo)) {
        const refs = byUser.get(userId);
        if (refs) refs.push({ entity, id });
        else byUser.set(userId, [{ entity, id }]);
      }
      return byUser;
    },
  };
}
