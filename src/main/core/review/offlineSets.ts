import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ReviewSetQuery } from '../../../shared/api/reviews';
import type { ReviewFilter, ReviewPrepareArgsSchema, ReviewProgress, ReviewSetView } from '../../../shared/domain/reviews';
import { RpcError } from '../../../shared/rpc/errors';
import { ChangeSet } from '../cache/changeSet';
import type { RowWriter } from '../cache/rowWriter';
import { validRows } from '../cache/validateRows';
import { newClientId } from '../ids';
import type { EventHub } from '../rpc/eventHub';
import { REVIEW_SET_PAGE, type LooseReviewSetPage, type ReviewSetApi } from './reviewSetApi';

type PrepareArgs = z.output<typeof ReviewPrepareArgsSchema>;

interface SetRow {
  id: string;
  name: string;
  filter: string;
  state: ReviewSetView['state'];
  conversations: number;
  rows: number;
  bytes: number;
  error: string | null;
  created_at: number;
  prepared_at: number | null;
}

const toView = (r: SetRow): ReviewSetView => ({
  id: r.id,
  name: r.name,
  filter: JSON.parse(r.filter) as ReviewFilter,
  state: r.state,
  conversations: r.conversations,
  rows: r.rows,
  bytes: r.bytes,
  error: r.error,
  createdAt: r.created_at,
  preparedAt: r.prepared_at,
});

export interface OfflineSetsDeps {
  db: Database.Database;
  writer: RowWriter;
  hub: EventHub;
  api: ReviewSetApi;
  now: () => number;
  log?: (message: string) => void;
}

/**
 * "Make available offline": downloads a review set page by page into the cache (the same rows
 * the sync engine keeps, so a row already cached at its seq is skipped) and records it as a named
 * set with its conversations in order. The set's membership is the cache's own record, so the
 * conversations stay listed for review whatever the live sync later does. One page is fetched
 * while the previous one is written; each page is one transaction.
 */
export class OfflineSets {
  private readonly s;
  /** sets whose download runs now: not deleted under it */
  private readonly downloading = new Set<string>();

  constructor(private readonly deps: OfflineSetsDeps) {
    const { db } = deps;
    this.s = {
      all: db.prepare<[], SetRow>('SELECT * FROM offline_sets ORDER BY created_at DESC, id'),
      one: db.prepare<[string], SetRow>('SELECT * FROM offline_sets WHERE id = ?'),
      insert: db.prepare("INSERT INTO offline_sets (id, name, filter, state, created_at) VALUES (?, ?, ?, 'preparing', ?)"),
      restart: db.prepare("UPDATE offline_sets SET name = ?, filter = ?, state = 'preparing', error = NULL WHERE id = ?"),
      clear: db.prepare('DELETE FROM offline_set_conversations WHERE set_id = ?'),
      member: db.prepare('INSERT INTO offline_set_conversations (set_id, pos, conversation_id) VALUES (?, ?, ?)'),
      ready: db.prepare("UPDATE offline_sets SET state = 'ready', conversations = ?, rows = ?, bytes = ?, prepared_at = ? WHERE id = ?"),
      failed: db.prepare("UPDATE offline_sets SET state = 'failed', error = ? WHERE id = ?"),
      remove: db.prepare('DELETE FROM offline_sets WHERE id = ?'),
      seqOf: {
        messages: db.prepare<[string], { seq: number }>('SELECT seq FROM messages WHERE id = ?'),
        conversations: db.prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE id = ?'),
        entities: db.prepare<[string, string], { seq: number }>('SELECT seq FROM entities WHERE entity = ? AND id = ?'),
      },
      bytes: db.prepare<[string, string], { n: number | null }>(
        `SELECT (SELECT sum(length(c.data)) FROM conversations c JOIN offline_set_conversations m ON m.conversation_id = c.id WHERE m.set_id = ?)
              + (SELECT sum(length(x.data)) FROM messages x JOIN offline_set_conversations m ON m.conversation_id = x.conversation_id WHERE m.set_id = ?) AS n`,
      ),
    };
  }

  list(): ReviewSetView[] {
    return this.s.all.all().map(toView);
  }

  get(setId: string): ReviewSetView {
    const row = this.s.one.get(setId);
    if (!row) throw new RpcError('not_found', 'no offline set with that id');
    return toView(row);
  }

  /**
   * Takes the set off the list (its membership goes with it). The rows stay: they are the
   * account's cache, which the live sync keeps, and verdicts already recorded go on syncing.
   */
  delete(setId: string): void {
    this.get(setId);
    if (this.downloading.has(setId)) throw new RpcError('conflict', 'this set is being downloaded: wait for the download to end');
    this.s.remove.run(setId);
  }

  /** Downloads the set now (all pages), pushing review.progress; the set is `ready` once every page is stored. */
  async prepare(args: PrepareArgs, signal?: AbortSignal): Promise<ReviewSetView> {
    const setId = this.begin(args);
    this.downloading.add(setId);
    try {
      return await this.download(setId, args, signal);
    } finally {
      this.downloading.delete(setId);
    }
  }

  private async download(setId: string, args: PrepareArgs, signal?: AbortSignal): Promise<ReviewSetView> {
    let done = 0;
    let total = 0;
    let pos = 0;
    try {
      let request = this.deps.api(this.query(args.filter), signal);
      for (;;) {
        const page = await request;
        // Fetch the next page while this one is written.
        if (page.next) {
          request = this.deps.api(this.query(args.filter, page.next), signal);
          request.catch(() => {});
        }
        if (page.total) total = page.total.rows;
        pos = this.store(setId, page, pos);
        done += page.rows.length;
        total = Math.max(total, done);
        this.progress({ setId, phase: page.next ? 'fetching' : 'done', done, total: page.next ? total : done });
        if (!page.next) break;
      }
    } catch (error) {
      const message = (error as Error).message;
      this.s.failed.run(message, setId);
      this.progress({ setId, phase: 'failed', done, total, error: message });
      throw error instanceof RpcError ? error : new RpcError('internal', message);
    }
    const bytes = this.s.bytes.get(setId, setId)?.n ?? 0;
    this.s.ready.run(pos, done, bytes, this.deps.now(), setId);
    return this.get(setId);
  }

  private begin(args: PrepareArgs): string {
    const filter = JSON.stringify(args.filter);
    if (args.setId) {
      const setId = args.setId;
      this.get(setId);
      this.deps.db.transaction(() => {
        this.s.restart.run(args.name, filter, setId);
        this.s.clear.run(setId);
      })();
      return setId;
    }
    const setId = newClientId(this.deps.now());
    this.s.insert.run(setId, args.name, filter, this.deps.now());
    return setId;
  }

  private query(filter: ReviewFilter, after?: LooseReviewSetPage['next']): ReviewSetQuery {
    return { ...filter, ...(after ?? {}), limit: REVIEW_SET_PAGE };
  }

  /**
   * One page in one transaction: its rows and its conversations' places in the set. Returns the
   * next place. The cached seqs are read inside it too: outside a transaction every lookup is a
   * read transaction of its own (locks taken and released per row), which cost more than
   * writing the row did (measured: `newer` was a third of the core's CPU for a new cache).
   */
  private store(setId: string, page: LooseReviewSetPage, pos: number): number {
    const changes = new ChangeSet();
    let next = pos;
    this.deps.db.transaction(() => {
      const rows = validRows(page.rows.filter((row) => this.newer(row)), this.deps.log);
      this.deps.writer.apply(rows, changes);
      for (const conversationId of page.conversationIds) this.s.member.run(setId, next++, conversationId);
    })();
    changes.emit(this.deps.hub);
    return next;
  }

  /**
   * Whether a row may change the cache: not when the cache holds it at that seq or newer, which
   * for a reviewer who syncs their scope anyway is nearly every row. Checking the seq before the
   * row's schema saves validating what would be skipped. Anything malformed goes on to validRows.
   */
  private newer(raw: unknown): boolean {
    const row = raw as { entity?: unknown; id?: unknown; seq?: unknown };
    if (typeof row.id !== 'string' || typeof row.seq !== 'number' || typeof row.entity !== 'string') return true;
    const { seqOf } = this.s;
    const cached =
      row.entity === 'messages' ? seqOf.messages.get(row.id)
      : row.entity === 'conversations' ? seqOf.conversations.get(row.id)
      : seqOf.entities.get(row.entity, row.id);
    return cached === undefined || cached.seq < row.seq;
  }

  private progress(progress: ReviewProgress): void {
    this.deps.hub.emit('review.progress', progress);
  }
}
