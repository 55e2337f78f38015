import type Database from 'better-sqlite3';
import type { Mutation, SyncRow } from '../../../shared/api/sync';
import type { Conversation } from '../../../shared/domain/conversations';
import type { OutboxEntryView, OutboxStatus } from '../../../shared/domain/workstation';
import { backoffDelay } from '../../../shared/backoff';
import { RpcError } from '../../../shared/rpc/errors';
import { ChangeSet } from '../cache/changeSet';
import type { RowWriter } from '../cache/rowWriter';
import { validRows } from '../cache/validateRows';
import { newClientId } from '../ids';
import type { EventHub } from '../rpc/eventHub';
import type { LooseMutationResult, SyncApi } from '../sync/syncApi';

/** What to undo if the server refuses the write. */
export type Effect =
  | { kind: 'message'; messageId: string }
  | { kind: 'conversation'; id: string; before: Conversation; seq: number }
  /** an optimistic row of the `entities` table (seq 0) and the server row it replaced, if any */
  | { kind: 'row'; entity: string; id: string; before: SyncRow | null }
  | null;

interface EntryRow {
  pos: number;
  id: string;
  name: string;
  args: string;
  effect: string | null;
  state: 'pending' | 'failed';
  attempts: number;
  error: string | null;
  created_at: number;
}

const RETRY = { baseMs: 500, maxMs: 30_000 };
const BATCH = 100;

export interface OutboxDeps {
  db: Database.Database;
  writer: RowWriter;
  hub: EventHub;
  api: SyncApi;
  /** this install's client id for this account: the server remembers applied mutation ids per client */
  clientId: string;
  isOnline: () => boolean;
  now?: () => number;
  /**
   * Work a mutation needs done just before it is sent (uploading the files a message carries).
   * An `offline` RpcError retries the batch later; any other error refuses that write.
   */
  prepare?: (mutation: Mutation) => Promise<Mutation>;
}

/**
 * Every user write is a mutation with an id made here, stored in the same transaction as its
 * optimistic effect, so neither exists without the other, even across a crash. Entries are sent
 * in the order written, one batch at a time, and retried with the same ids until the server
 * answers: the server applies an id at most once, so a resend after a lost answer is harmless.
 * `applied` reconciles with the rows the server returns; `rejected` rolls the effect back and
 * keeps the reason for the user.
 */
export class Outbox {
  private sending = false;
  private draining: Promise<void> = Promise.resolve();
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly s;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    const { db } = deps;
    this.s = {
      insert: db.prepare('INSERT INTO outbox (id, name, args, effect, created_at) VALUES (?, ?, ?, ?, ?)'),
      pending: db.prepare<[number], EntryRow>("SELECT * FROM outbox WHERE state = 'pending' ORDER BY pos LIMIT ?"),
      all: db.prepare<[], EntryRow>('SELECT * FROM outbox ORDER BY pos'),
      counts: db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state'),
      attempted: db.prepare('UPDATE outbox SET attempts = attempts + 1, error = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM outbox WHERE id = ?'),
      fail: db.prepare("UPDATE outbox SET state = 'failed', error = ? WHERE id = ?"),
      dismiss: db.prepare("DELETE FROM outbox WHERE id = ? AND state = 'failed'"),
      messageSent: db.prepare("UPDATE messages SET delivery = 'sent', failure = NULL WHERE id = ? AND seq = 0"),
      messageFailed: db.prepare("UPDATE messages SET delivery = 'failed', failure = ? WHERE id = ? AND seq = 0"),
      conversation: db.prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE id = ?'),
      entry: db.prepare<[string], EntryRow>('SELECT * FROM outbox WHERE id = ?'),
      dropOptimisticRow: db.prepare('DELETE FROM entities WHERE entity = ? AND id = ? AND seq = 0'),
    };
  }

  /**
   * Stores a write with its optimistic effect in one transaction, tells the windows, and sends
   * it when it can. `effect` runs inside the transaction and says what a rejection must undo.
   */
  enqueue(name: string, args: unknown, effect: (changes: ChangeSet) => Effect): string {
    const id = newClientId(this.now());
    const changes = new ChangeSet();
    this.deps.db.transaction(() => {
      const undo = effect(changes);
      this.s.insert.run(id, name, JSON.stringify(args), undo ? JSON.stringify(undo) : null, this.now());
    })();
    changes.emit(this.deps.hub);
    this.changed();
    this.kick();
    return id;
  }

  status(): OutboxStatus {
    const counts = Object.fromEntries(this.s.counts.all().map((row) => [row.state, row.n]));
    return { pending: counts.pending ?? 0, failed: counts.failed ?? 0 };
  }

  list(): OutboxEntryView[] {
    return this.s.all.all().map((row) => ({
      mutationId: row.id,
      name: row.name,
      args: JSON.parse(row.args) as unknown,
      state: row.state,
      attempts: row.attempts,
      createdAt: row.created_at,
      error: row.error ? (JSON.parse(row.error) as { code: string; message: string }) : null,
    }));
  }

  dismiss(mutationId: string): void {
    if (this.s.dismiss.run(mutationId).changes === 0) throw new RpcError('not_found', 'no failed write with that id');
    this.changed();
  }

  /** Sends what is pending, now if the link is up (called on enqueue, on reconnect and by the retry timer). */
  kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.drain();
  }

  /** Resolves when no batch is in flight (shutdown, tests). */
  idle(): Promise<void> {
    return this.draining;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private drain(): Promise<void> {
    if (this.sending || this.stopped || !this.deps.isOnline()) return this.draining;
    this.sending = true;
    this.draining = this.sendAll().finally(() => {
      this.sending = false;
    });
    return this.draining;
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const batch = this.s.pending.all(BATCH);
      if (batch.length === 0) return;
      const prepared = await this.prepared(batch);
      if (!prepared) return;
      const { mutations, refused } = prepared;
      if (refused.length > 0) this.settle(refused);
      if (mutations.length === 0) continue;
      let results: LooseMutationResult[];
      try {
        results = await this.deps.api.mutate(this.deps.clientId, mutations);
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof RpcError && error.code === 'invalid_args') {
          // The server refused the request itself (a bug on our side): never resend it as is.
          this.settle(batch.map((row) => ({ id: row.id, status: 'rejected', code: 'invalid_args', message: error.message })));
          continue;
        }
        this.retryLater(batch, error);
        return;
      }
      if (this.stopped) return;
      this.attempt = 0;
      this.settle(results);
    }
  }

  /** The batch as it goes out, with the writes `prepare` refused apart; null when it could not be prepared now (retried later). */
  private async prepared(batch: EntryRow[]): Promise<{ mutations: Mutation[]; refused: LooseMutationResult[] } | null> {
    const mutations: Mutation[] = [];
    const refused: LooseMutationResult[] = [];
    for (const row of batch) {
      const mutation: Mutation = { id: row.id, name: row.name, args: JSON.parse(row.args) as unknown };
      try {
        mutations.push(this.deps.prepare ? await this.deps.prepare(mutation) : mutation);
      } catch (error) {
        if (this.stopped) return null;
        if (error instanceof RpcError && error.code !== 'offline') {
          refused.push({ id: row.id, status: 'rejected', code: 'invalid_args', message: error.message });
          continue;
        }
        this.retryLater(batch, error);
        return null;
      }
    }
    return { mutations, refused };
  }

  private retryLater(batch: EntryRow[], error: unknown): void {
    const reason = JSON.stringify({ code: error instanceof RpcError ? error.code : 'offline', message: (error as Error).message });
    this.deps.db.transaction(() => batch.forEach((row) => this.s.attempted.run(reason, row.id)))();
    const delay = backoffDelay(this.attempt++, RETRY);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delay);
  }

  /** Applies the server's answers in one transaction: reconcile, or roll back and keep the reason. */
  private settle(results: LooseMutationResult[]): void {
    const changes = new ChangeSet();
    this.deps.db.transaction(() => {
      for (const result of results) {
        const row = this.s.entry.get(result.id);
        if (!row) continue;
        const effect = row.effect ? (JSON.parse(row.effect) as Exclude<Effect, null>) : null;
        const conversationId = String((JSON.parse(row.args) as { conversationId?: unknown }).conversationId ?? '');
        if (result.status === 'applied') {
          this.deps.writer.apply(validRows(result.rows), changes);
          // Normally the returned row already replaced the optimistic one; this covers an answer without it.
          if (effect?.kind === 'message' && this.s.messageSent.run(effect.messageId).changes > 0) changes.message(effect.messageId, conversationId);
          if (effect?.kind === 'row') this.settleRow(effect, false, changes);
          this.s.remove.run(row.id);
          continue;
        }
        const reason = JSON.stringify({ code: result.code, message: result.message });
        if (effect?.kind === 'message') {
          // The message stays, marked failed with the server's reason; a retry is a new write.
          this.s.messageFailed.run(reason, effect.messageId);
          changes.message(effect.messageId, conversationId);
          this.s.remove.run(row.id);
        } else {
          if (effect?.kind === 'conversation' && this.s.conversation.get(effect.id)?.seq === effect.seq) {
            this.deps.writer.writeConversation(effect.before, { seq: effect.seq, deleted: false, force: true }, changes);
          }
          if (effect?.kind === 'row') this.settleRow(effect, true, changes);
          this.s.fail.run(reason, row.id);
        }
      }
    })();
    changes.emit(this.deps.hub);
    this.changed();
  }

  /**
   * An optimistic row the answer did not replace (still seq 0) goes: the server kept another id,
   * or refused the write, in which case the row it replaced comes back.
   */
  private settleRow(effect: Extract<Effect, { kind: 'row' }>, rejected: boolean, changes: ChangeSet): void {
    if (this.s.dropOptimisticRow.run(effect.entity, effect.id).changes === 0) return;
    if (rejected && effect.before) this.deps.writer.apply([effect.before], changes);
    changes.entity(effect.entity, effect.id);
  }

  private changed(): void {
    this.deps.hub.emit('outbox.changed', this.status());
  }
}
