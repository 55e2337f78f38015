import type Database from 'better-sqlite3';
import type { SyncRow } from '../../../shared/api/sync';
import type { SyncProgress } from '../../../shared/domain/workstation';
import { RpcError } from '../../../shared/rpc/errors';
import { ChangeSet } from '../cache/changeSet';
import type { RowWriter } from '../cache/rowWriter';
import type { SyncStateStore } from '../cache/syncState';
import { validRows } from '../cache/validateRows';
import type { EventHub } from '../rpc/eventHub';
import { LooseWsRowsFrameSchema, type SyncApi } from './syncApi';

export interface SyncEngineDeps {
  db: Database.Database;
  writer: RowWriter;
  state: SyncStateStore;
  hub: EventHub;
  api: SyncApi;
  now?: () => number;
  log?: (message: string) => void;
}

/**
 * Keeps the cache converged with the server (docs/sync-protocol.md): on every (re)connect it
 * pulls pages since the cursor until the server has no more; between pulls it applies the rows
 * the server pushes. A pushed frame whose `prev` is beyond the cursor reveals a gap and triggers a
 * pull; a server whose newest seq is below the cursor was restored from an older copy, and the
 * cache resyncs from 0. All of this runs one step at a time on one chain, so a pull and a push
 * never interleave their transactions, and the cursor only moves in the transaction that applied
 * the rows.
 */
export class SyncEngine {
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  private progress: SyncProgress;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? ((message) => console.warn(message));
    const syncedAt = deps.state.get('syncedAt');
    this.progress = { phase: 'idle', done: 0, total: 0, cursor: deps.state.cursor(), syncedAt: syncedAt ? Number(syncedAt) : null };
  }

  current(): SyncProgress {
    return this.progress;
  }

  /** The link is up: catch up since the cursor. */
  online(): void {
    this.enqueue(() => this.pull());
  }

  /** A frame from the live socket; everything but rows is somebody else's. */
  frame(frame: unknown): void {
    const parsed = LooseWsRowsFrameSchema.safeParse(frame);
    if (!parsed.success) return;
    this.enqueue(async () => {
      const cursor = this.deps.state.cursor();
      if (parsed.data.prev > cursor) {
        await this.pull();
        return;
      }
      const rows = validRows(parsed.data.rows, this.log);
      const last = rows.reduce((max, row) => Math.max(max, row.seq), cursor);
      this.applyBatch(rows, last);
    });
  }

  /** Resolves when everything queued so far has run (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  /** Stops after the page in flight, if any (idle() resolves then): no half-answered request is left behind. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Applies rows and moves the cursor in one transaction, then tells the windows once. `cursor`
   * null leaves it alone (an outbox acknowledgement's rows are not a contiguous range).
   */
  applyBatch(rows: readonly SyncRow[], cursor: number | null): void {
    const changes = new ChangeSet();
    this.deps.db.transaction(() => {
      this.deps.writer.apply(rows, changes);
      if (cursor !== null && cursor > this.deps.state.cursor()) this.deps.state.setCursor(cursor);
    })();
    changes.emit(this.deps.hub);
  }

  private enqueue(task: () => Promise<void> | void): void {
    this.chain = this.chain
      .then(() => (this.stopped ? undefined : task()))
      .catch((error: unknown) => {
        if (this.stopped) return;
        // Offline or a server error: the next (re)connect pulls again from the same cursor.
        if (!(error instanceof RpcError)) console.error('[sync] step failed', error);
        else this.log(`[sync] pull stopped: ${error.message}`);
        this.setProgress({ ...this.progress, phase: 'idle' });
      });
  }

  private async pull(): Promise<void> {
    const { state, api } = this.deps;
    let cursor = state.cursor();
    const start = cursor;
    let done = 0;
    let restarted = false;
    let request = api.pull(cursor);
    for (;;) {
      const page = await request;
      if (this.stopped) return;
      if (page.serverSeq < cursor && !restarted) {
        // The server was restored from an older copy: our seqs mean nothing to it any more.
        this.log(`[sync] server seq ${page.serverSeq} is behind our cursor ${cursor}: resyncing from 0`);
        this.resetSynced();
        cursor = 0;
        restarted = true;
        request = api.pull(cursor);
        continue;
      }
      // Ask for the next page before applying this one, so the server and the network work
      // while SQLite does. A failed prefetch surfaces when awaited (or never, if we stop first).
      if (page.hasMore) {
        request = api.pull(page.cursor);
        request.catch(() => {});
      }
      const rows = validRows(page.rows, this.log);
      this.applyBatch(rows, page.cursor);
      cursor = page.cursor;
      done += page.rows.length;
      const total = Math.max(done, page.serverSeq - (restarted ? 0 : start));
      if (!page.hasMore) {
        const syncedAt = this.now();
        state.set('syncedAt', syncedAt);
        this.setProgress({ phase: 'idle', done, total: done, cursor, syncedAt });
        return;
      }
      this.setProgress({ phase: 'pulling', done, total, cursor, syncedAt: this.progress.syncedAt });
    }
  }

  /** Forgets every synced row (keeping the user's own pending messages, outbox and drafts). */
  private resetSynced(): void {
    this.deps.db.transaction(() => {
      this.deps.db.exec(`
        DELETE FROM messages_fts WHERE rowid IN (SELECT rid FROM messages WHERE seq > 0);
        DELETE FROM messages WHERE seq > 0;
        DELETE FROM conversations;
        DELETE FROM entities_fts;
        DELETE FROM entities;
      `);
      this.deps.state.setCursor(0);
    })();
  }

  private setProgress(next: SyncProgress): void {
    this.progress = next;
    this.deps.hub.emit('sync.progress', next);
  }
}
