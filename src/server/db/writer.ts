import type { SyncedEntity } from '../../shared/api/sync';
import { nextSeq } from './seq';
import type { SqliteDatabase } from './sqlite';

/*
 * The one writer (ARCHITECTURE §4.4): every change to domain tables runs inside write(), which
 * opens the transaction, hands out seq numbers through the WriteTx, and tells listeners (the
 * push fan-out) which seq range committed. Because there is one writer and stamps are taken in
 * the transaction, the rows a commit changed are exactly those with seq in [from, to].
 */

/** The handle code inside a write uses to stamp rows. */
export interface WriteTx {
  /** The next server seq, for a row of `entity` being inserted or updated in this transaction. */
  stamp(entity: SyncedEntity): number;
}

/** What one committed transaction changed, for push. */
export interface Commit {
  from: number;
  to: number;
  entities: ReadonlySet<SyncedEntity>;
}

export interface Writer {
  /**
   * Runs fn in a write transaction and returns its result after the commit. Nested calls run in
   * a savepoint: if the inner fn throws, only its changes (and its seq numbers) are undone.
   */
  write<T>(fn: (tx: WriteTx) => T): T;
  /**
   * Group commit: queues fn to run, in its own savepoint, in the next transaction shared with the
   * other writes queued meanwhile, so they all cost one commit (one fsync). Resolves once that
   * commit is durable; rejects with fn's own error (undoing only fn's changes) or, if the commit
   * itself fails, with that error. Queued writes run in the order they were queued.
   */
  writeGrouped<T>(fn: (tx: WriteTx) => T): Promise<T>;
  /** Called after each commit that stamped at least one row, in commit order. */
  onCommit(listener: (commit: Commit) => void): () => void;
}

/**
 * How many queued writes one group commit takes at most (the rest wait for the next), so that
 * one transaction does not hold the thread for long. It was 32 while push read a commit's whole
 * range once per agent concerned (a cost growing with the square of the group); push now reads
 * each agent only their own rows, and under the full load the commit (fsync, ~12 ms on the
 * loaded disk) was the largest single item of the server's profile: a larger group spreads it
 * over more writes (docs/benchmarks.md, the full load).
 */
export const MAX_GROUP = 128;

interface Queued {
  fn: (tx: WriteTx) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Stamps {
  from: number;
  to: number;
  entities: Set<SyncedEntity>;
}

class SqliteWriter implements Writer {
  private stamps: Stamps | null = null;
  private depth = 0;
  private readonly listeners = new Set<(commit: Commit) => void>();
  private queued: Queued[] = [];
  private readonly tx: WriteTx = {
    stamp: (entity) => {
      const seq = nextSeq(this.db);
      const s = (this.stamps ??= { from: seq, to: seq, entities: new Set() });
      s.to = seq;
      s.entities.add(entity);
      return seq;
    },
  };

  constructor(
    private readonly db: SqliteDatabase,
    private readonly reportError: (error: unknown) => void,
  ) {}

  write<T>(fn: (tx: WriteTx) => T): T {
    if (this.depth > 0) return this.nested(fn);
    this.stamps = null;
    this.depth = 1;
    let result: T;
    try {
      // IMMEDIATE takes the write lock up front, so a busy database fails before any work is done.
      result = this.db.transaction(() => fn(this.tx)).immediate();
    } finally {
      this.depth = 0;
    }
    const committed = this.stamps as Stamps | null;
    this.stamps = null;
    if (committed) this.emit(committed);
    return result;
  }

  writeGrouped<T>(fn: (tx: WriteTx) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // setImmediate runs after the event loop has read every request that is already waiting,
      // so what arrived together commits together, with no timer added to an idle server's
      // answer. Under load the commit itself (the fsync blocks this thread) is the window in
      // which the next group gathers.
      if (this.queued.length === 0) setImmediate(() => this.flush());
      this.queued.push({ fn, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  onCommit(listener: (commit: Commit) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Commits up to MAX_GROUP queued writes in one transaction, each in its savepoint, then answers them. */
  private flush(): void {
    const group = this.queued.splice(0, MAX_GROUP);
    if (this.queued.length > 0) setImmediate(() => this.flush());
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.write(() => {
        for (const item of group) {
          try {
            outcomes.push({ ok: true, value: this.nested(item.fn) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // BEGIN or COMMIT failed: nothing of the group is durable, so none of it is acknowledged.
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  private nested<T>(fn: (tx: WriteTx) => T): T {
    // better-sqlite3 runs a transaction function called inside another as a SAVEPOINT.
    const saved = this.stamps ? { ...this.stamps, entities: new Set(this.stamps.entities) } : null;
    this.depth += 1;
    try {
      return this.db.transaction(() => fn(this.tx))();
    } catch (error) {
      // The seq counter rolled back with the savepoint, so the numbers will be handed out again.
      this.stamps = saved;
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  private emit(commit: Commit): void {
    for (const listener of this.listeners) {
      try {
        listener(commit);
      } catch (error) {
        // The data is committed; a failing listener (a broken socket) must not fail the write.
        this.reportError(error);
      }
    }
  }
}

const writers = new WeakMap<SqliteDatabase, Writer>();

/** The writer of a database: one per database, so every write is tracked by the same instance. */
export function writerFor(db: SqliteDatabase, reportError: (error: unknown) => void = () => undefined): Writer {
  let writer = writers.get(db);
  if (!writer) {
    writer = new SqliteWriter(db, reportError);
    writers.set(db, writer);
  }
  return writer;
}
