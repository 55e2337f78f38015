// Fires each SLA breach of the open conversations exactly once, on an injected clock and scheduler,
// and carries on after a restart from the keys the server saved: what fell due during the downtime
// fires at once, and nothing fires twice.
import { createOutbox } from '../routing/outbox';
import type { Cancel, Now, Scheduler } from '../routing/scheduler';
import type { QueueKind } from '../routing/types';
import { compareDues, duesOf, keyConversation, type SlaDue, type SlaDueKind } from './dues';
import { DEFAULT_SLA_POLICY, type AutoEscalatePolicy, type SlaPolicy } from './policy';
import { slaStatus, type EscalationReason, type SlaConversation, type SlaStatus } from './status';

export interface SlaSchedulerDeps {
  now: Now;
  scheduler: Scheduler;
  /** The kind of a queue; an unknown queue is treated as a platform queue (only the 30-second figure). */
  queueKind: (queueId: string) => QueueKind | undefined;
  policy?: SlaPolicy;
  autoEscalate?: AutoEscalatePolicy;
  /**
   * A breach fell due. detail.key names it for good: persist it (with whatever the server does about
   * the breach, in one transaction) and hand the saved keys to restore() so it never fires again.
   */
  onDue?(conversationId: string, kind: SlaDueKind, detail: { dueAt: number; key: string }): void;
  /** The automatic policy says: move this conversation to the platform now. Persist detail.key likewise. */
  onAutoEscalate?(conversationId: string, reason: EscalationReason, detail: { dueAt: number; key: string }): void;
}

interface Tracked {
  conversation: SlaConversation;
  cancel?: Cancel;
  /** When the armed timer is due, to avoid re-arming for the same moment. */
  armedAt?: number;
  /** Keys fired for this conversation (kept so remove() can forget them). */
  fired: Set<string>;
}

export class SlaScheduler {
  private readonly deps: SlaSchedulerDeps;
  private readonly policy: SlaPolicy;
  private readonly tracked = new Map<string, Tracked>();
  private readonly outbox = createOutbox();

  constructor(deps: SlaSchedulerDeps) {
    this.deps = deps;
    this.policy = deps.policy ?? DEFAULT_SLA_POLICY;
  }

  /**
   * Rebuilds the timers after a restart from the open conversations and the keys fired before.
   * Whatever fell due during the downtime and is not among those keys fires before this returns,
   * in the order it fell due.
   */
  static restore(openConversations: Iterable<SlaConversation>, alreadyFired: Iterable<string>, deps: SlaSchedulerDeps): SlaScheduler {
    const scheduler = new SlaScheduler(deps);
    const firedByConversation = new Map<string, Set<string>>();
    for (const key of alreadyFired) {
      const conversationId = keyConversation(key);
      if (conversationId === undefined) continue;
      const keys = firedByConversation.get(conversationId) ?? new Set<string>();
      keys.add(key);
      firedByConversation.set(conversationId, keys);
    }
    for (const conversation of openConversations) {
      scheduler.tracked.set(conversation.id, { conversation: { ...conversation }, fired: firedByConversation.get(conversation.id) ?? new Set() });
    }
    scheduler.run(() => scheduler.fireDue([...scheduler.tracked.values()]));
    return scheduler;
  }

  /** Starts or updates tracking; a due moment already past fires before this returns. */
  upsert(conversation: SlaConversation): void {
    this.run(() => {
      const existing = this.tracked.get(conversation.id);
      const record: Tracked = existing ?? { conversation, fired: new Set() };
      record.conversation = { ...conversation };
      this.tracked.set(conversation.id, record);
      this.fireDue([record]);
    });
  }

  /** Stops tracking (closed, or the server no longer cares) and forgets its fired keys. */
  remove(conversationId: string): void {
    const record = this.tracked.get(conversationId);
    if (!record) return;
    record.cancel?.();
    this.tracked.delete(conversationId);
  }

  /** The conversation's SLA status now, if tracked. */
  status(conversationId: string): SlaStatus | undefined {
    const record = this.tracked.get(conversationId);
    if (!record) return undefined;
    return slaStatus(record.conversation, { kind: this.kindOf(record.conversation) }, this.deps.now(), this.policy);
  }

  conversation(conversationId: string): SlaConversation | undefined {
    const record = this.tracked.get(conversationId);
    return record ? { ...record.conversation } : undefined;
  }

  /** The next moment something falls due for the conversation, if anything still will. */
  nextDueAt(conversationId: string): number | undefined {
    const record = this.tracked.get(conversationId);
    return record ? this.pending(record)[0]?.dueAt : undefined;
  }

  /** Every key fired for the tracked conversations (to persist in bulk, if the server does not persist per event). */
  firedKeys(): string[] {
    return [...this.tracked.values()].flatMap((record) => [...record.fired]);
  }

  /** Cancels every timer; the scheduler must not be used afterwards. */
  dispose(): void {
    for (const record of this.tracked.values()) record.cancel?.();
  }

  private kindOf(conversation: SlaConversation): QueueKind {
    return this.deps.queueKind(conversation.queueId) ?? 'platform';
  }

  private pending(record: Tracked): SlaDue[] {
    return duesOf(record.conversation, this.kindOf(record.conversation), this.policy, this.deps.autoEscalate).filter((due) => !record.fired.has(due.key));
  }

  private run(operation: () => void): void {
    operation();
    this.outbox.flush();
  }

  /** Fires what is due now for these conversations (all together in due order), then re-arms their timers. */
  private fireDue(records: Tracked[]): void {
    const now = this.deps.now();
    const due: [Tracked, SlaDue][] = [];
    for (const record of records) for (const entry of this.pending(record)) if (entry.dueAt <= now) due.push([record, entry]);
    due.sort(([, a], [, b]) => compareDues(a, b));
    for (const [record, entry] of due) {
      // Marked before delivery: a listener that throws or calls back in cannot make it fire twice.
      record.fired.add(entry.key);
      const detail = { dueAt: entry.dueAt, key: entry.key };
      if (entry.type === 'breach') this.outbox.emit(() => this.deps.onDue?.(entry.conversationId, entry.kind, detail));
      else this.outbox.emit(() => this.deps.onAutoEscalate?.(entry.conversationId, entry.reason, detail));
    }
    for (const record of records) this.arm(record);
  }

  private arm(record: Tracked): void {
    const next = this.pending(record)[0]?.dueAt;
    if (next === record.armedAt && record.cancel) return;
    record.cancel?.();
    delete record.cancel;
    delete record.armedAt;
    if (next === undefined) return;
    record.armedAt = next;
    const cancel = this.deps.scheduler.at(next, () =>
      this.run(() => {
        if (record.cancel !== cancel || this.tracked.get(record.conversation.id) !== record) return;
        delete record.cancel;
        delete record.armedAt;
        this.fireDue([record]);
      }),
    );
    record.cancel = cancel;
  }
}
