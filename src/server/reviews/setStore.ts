import type { SyncedEntity, SyncRow } from '../../shared/api/sync';
import type { ReviewSetPage, ReviewSetQuery } from '../../shared/api/reviews';
import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
import { visibleFilter } from '../scope/predicates';
import type { Scope } from '../scope/scope';
import type { BaseRow } from '../sync/source';
import { ENTITY_SOURCES } from '../sync/sources';
import { toSyncRow } from '../sync/store';

/**
 * What each entity of a review set is, given the page's conversation ids bound as the JSON array
 * `@ids` (json_each keeps one prepared statement for any page size). Parents come first, so a
 * cache applying the rows in order never holds a message before its conversation.
 */
const PAGE_ROWS: readonly { entity: SyncedEntity; where: string }[] = [
  { entity: 'conversations', where: 't.id IN (SELECT value FROM json_each(@ids))' },
  { entity: 'customers', where: 't.id IN (SELECT pc.customer_id FROM conversations pc WHERE pc.id IN (SELECT value FROM json_each(@ids)))' },
  { entity: 'messages', where: 't.conversation_id IN (SELECT value FROM json_each(@ids))' },
  { entity: 'tickets', where: 't.conversation_id IN (SELECT value FROM json_each(@ids))' },
  {
    entity: 'ticket_events',
    where: 't.ticket_id IN (SELECT pt.id FROM tickets pt WHERE pt.conversation_id IN (SELECT value FROM json_each(@ids)))',
  },
  { entity: 'qc_flags', where: 't.conversation_id IN (SELECT value FROM json_each(@ids))' },
  { entity: 'reviews', where: 't.conversation_id IN (SELECT value FROM json_each(@ids))' },
];

/** The filter's conditions on conversations (alias t); absent fields do not narrow. */
function filterSql(query: ReviewSetQuery): { sql: string; params: Record<string, SqlValue> } {
  const parts = ['t.deleted = 0', 't.created_at >= @from', 't.created_at <= @to'];
  const params: Record<string, SqlValue> = { from: query.from, to: query.to };
  const narrow = (column: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`t.${column} = @${name}`);
    params[name] = value;
  };
  narrow('queue_id', 'queue', query.queueId);
  narrow('shop_id', 'shop', query.shopId);
  narrow('assignee_id', 'agent', query.agentId);
  return { sql: parts.join(' AND '), params };
}

export interface ReviewSetReads {
  page(scope: Scope, query: ReviewSetQuery): ReviewSetPage;
}

/**
 * Reads review sets: one keyset page of matching conversations the caller sees (by created_at,
 * id), then each entity's rows of those conversations through the same scope predicates as
 * pull, so a set never holds a row the caller could not pull.
 */
export function createReviewSetReads(db: SqliteDatabase): ReviewSetReads {
  const statements = new Map<string, NamedStatement<BaseRow>>();
  const prepared = <R = BaseRow>(sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare<[Record<string, SqlValue>], BaseRow>(sql)));
    return stmt as unknown as NamedStatement<R>;
  };

  function conversations(scope: Scope, query: ReviewSetQuery) {
    const filter = filterSql(query);
    const visible = visibleFilter('conversations', scope);
    const after = query.afterId === undefined ? '' : ' AND (t.created_at > @ac OR (t.created_at = @ac AND t.id > @aid))';
    const sql = `SELECT t.id, t.created_at FROM conversations t WHERE ${filter.sql}${after} AND (${visible.sql})
      ORDER BY t.created_at, t.id LIMIT @limit`;
    const params = { ...filter.params, ...visible.params, limit: query.limit + 1, ac: query.afterCreatedAt ?? null, aid: query.afterId ?? null };
    return prepared<{ id: string; created_at: number }>(sql).all(params);
  }

  /** How big the whole set is, for a progress bar: conversations and every row of theirs. */
  function total(scope: Scope, query: ReviewSetQuery): NonNullable<ReviewSetPage['total']> {
    const filter = filterSql(query);
    const visible = visibleFilter('conversations', scope);
    const set = `SELECT t.id FROM conversations t WHERE ${filter.sql} AND (${visible.sql})`;
    const sql = `WITH s AS (${set}) SELECT
      (SELECT count(*) FROM s) AS conversations,
      (SELECT count(DISTINCT c.customer_id) FROM conversations c WHERE c.id IN (SELECT id FROM s)) AS customers,
      (SELECT count(*) FROM messages m WHERE m.conversation_id IN (SELECT id FROM s)) AS messages,
      (SELECT count(*) FROM tickets k WHERE k.conversation_id IN (SELECT id FROM s)) AS tickets,
      (SELECT count(*) FROM ticket_events e JOIN tickets k ON k.id = e.ticket_id WHERE k.conversation_id IN (SELECT id FROM s)) AS events,
      (SELECT count(*) FROM qc_flags q WHERE q.conversation_id IN (SELECT id FROM s)) AS flags,
      (SELECT count(*) FROM reviews r WHERE r.conversation_id IN (SELECT id FROM s)) AS reviews`;
    const n = prepared<Record<string, number>>(sql).get({ ...filter.params, ...visible.params })!;
    const rows = Object.values(n).reduce((sum, v) => sum + v, 0);
    return { conversations: n.conversations ?? 0, rows };
  }

  function rowsOf(scope: Scope, ids: readonly string[]): SyncRow[] {
    const json = JSON.stringify(ids);
    const rows: SyncRow[] = [];
    for (const { entity, where } of PAGE_ROWS) {
      const source = ENTITY_SOURCES[entity];
      const visible = visibleFilter(entity, scope);
      const stmt = prepared(`SELECT ${source.columns} FROM ${source.table} t WHERE ${where} AND (${visible.sql})`);
      for (const row of stmt.iterate({ ...visible.params, ids: json })) rows.push(toSyncRow(source, row, scope));
    }
    return rows;
  }

  return {
    page(scope, query) {
      const found = conversations(scope, query);
      const hasMore = found.length > query.limit;
      const page = hasMore ? found.slice(0, query.limit) : found;
      const last = page[page.length - 1];
      const conversationIds = page.map((c) => c.id);
      return {
        rows: rowsOf(scope, conversationIds),
        conversationIds,
        next: hasMore && last ? { afterCreatedAt: last.created_at, afterId: last.id } : null,
        total: query.afterId === undefined ? total(scope, query) : null,
      };
    },
  };
}
