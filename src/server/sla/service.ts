import type { EscalationReason } from '../../shared/domain/conversations';
import type { WriteTx, Writer } from '../db/writer';
import type { Now, Scheduler } from '../routing/scheduler';
import type { Restamper } from '../sync/restamp';
import type { SlaDueKind } from './dues';
import type { AutoEscalatePolicy, SlaPolicy } from './policy';
import { SlaScheduler } from './slaScheduler';
import type { SlaStore } from './store';

export interface SlaServiceDeps {
  writer: Writer;
  store: SlaStore;
  restamper: Restamper;
  /** conversations changed since the last look (a follower of dispatch/tracking's ConversationChanges) */
  changed: Set<string>;
  now: Now;
  scheduler: Scheduler;
  policy?: SlaPolicy;
  autoEscalate?: AutoEscalatePolicy;
  /** The automatic policy's move to the platform, inside the write that records its key. */
  escalate(tx: WriteTx, conversationId: string, reason: EscalationReason): void;
  reportError?: (error: unknown) => void;
}

/**
 * The SLA timers of the running server. Like routing, it follows every committed change of a
 * conversation and hands the conversation's current timestamps (read back from the database) to
 * the pure SlaScheduler. Each breach it fires is written to sla_breaches together with its effect
 * in one transaction:
 *
 * - pickup_30s (every queue): the row alone. A miss is one row per queue stay (its key is anchored
 *   on the moment the conversation entered the queue, due_at = that moment + 30 s); a stay without
 *   one met the target, so the 30-second pickup rate is 1 − misses / queue entries.
 * - no_pickup_2m, no_reply_5m (merchant queues): the row, and the conversation re-stamped, because
 *   its derived escalatableAt / escalationReason (sla/escalatable.ts) just changed.
 * - the automatic policy's escalation: the row and the move to the platform.
 *
 * At start-up the timers are rebuilt from the open conversations and the recorded keys, so what
 * fell due while the server was down fires at once, and nothing fires twice.
 */
export class SlaService {
  private readonly timers: SlaScheduler;
  private looking = false;
  private disposed = false;

  constructor(private readonly deps: SlaServiceDeps) {
    const { store } = deps;
    this.timers = SlaScheduler.restore(store.allOpen(), store.firedKeys(), {
      now: deps.now,
      scheduler: deps.scheduler,
      queueKind: (queueId) => store.queueKind(queueId),
      ...(deps.policy ? { policy: deps.policy } : {}),
      ...(deps.autoEscalate ? { autoEscalate: deps.autoEscalate } : {}),
      onDue: (conversationId, kind, detail) => this.fire(() => this.breached(conversationId, kind, detail)),
      onAutoEscalate: (conversationId, reason, detail) => this.fire(() => this.autoEscalate(conversationId, reason, detail)),
    });
    deps.writer.onCommit(() => this.lookAtChanges());
    // Escalations made while restoring changed conversations the timers must follow.
    this.lookAtChanges();
  }

  /** Stops the timers; nothing fires afterwards. */
  dispose(): void {
    this.disposed = true;
    this.timers.dispose();
  }

  private lookAtChanges(): void {
    if (this.looking || this.disposed) return;
    this.looking = true;
    try {
      const { changed, store } = this.deps;
      while (changed.size > 0) {
        const ids = [...changed];
        changed.clear();
        for (const id of ids) {
          const conversation = store.open(id);
          if (conversation) this.timers.upsert(conversation);
          else this.timers.remove(id);
        }
      }
    } finally {
      this.looking = false;
    }
  }

  /**
   * A due moment already past fires while a commit is being announced: its write waits until the
   * announcement is over, so the rows it stamps are pushed after the commit that caused them.
   */
  private fire(write: () => void): void {
    if (this.looking) queueMicrotask(() => this.safely(write));
    else this.safely(write);
  }

  private breached(conversationId: string, kind: SlaDueKind, detail: { dueAt: number; key: string }): void {
    const { writer, store, restamper, now } = this.deps;
    writer.write((tx) => {
      if (!store.recordBreach({ key: detail.key, conversationId, kind, dueAt: detail.dueAt, firedAt: now() })) return;
      if (kind !== 'pickup_30s') restamper.restamp(tx, 'conversations', [conversationId]);
    });
  }

  private autoEscalate(conversationId: string, reason: EscalationReason, detail: { dueAt: number; key: string }): void {
    const { writer, store, now } = this.deps;
    writer.write((tx) => {
      if (!store.recordBreach({ key: detail.key, conversationId, kind: 'auto_escalate', dueAt: detail.dueAt, firedAt: now() })) return;
      this.deps.escalate(tx, conversationId, reason);
    });
  }

  private safely(write: () => void): void {
    if (this.disposed) return;
    try {
      write();
    } catch (error) {
      this.deps.reportError?.(error);
    }
  }
}
