// The moments an open conversation's SLA rules fall due, each with a key that names that one
// breach for good: the same breach has the same key across restarts, a new one (another queue stay,
// another unanswered message) a new key.
import type { QueueKind } from '../routing/types';
import { DEFAULT_SLA_POLICY, type AutoEscalatePolicy, type SlaPolicy } from './policy';
import { pickedUpAt, replyClockStart, type EscalationReason, type SlaConversation } from './status';

/** pickup_30s: the 30-second target was missed (recorded for every queue). */
export type SlaDueKind = 'pickup_30s' | EscalationReason;

export type SlaDue =
  | { type: 'breach'; conversationId: string; kind: SlaDueKind; dueAt: number; key: string }
  | { type: 'auto_escalate'; conversationId: string; reason: EscalationReason; dueAt: number; key: string };

/** Delivery order of dues falling on the same instant: breaches before the escalation they cause. */
const RANK: Record<string, number> = { pickup_30s: 0, no_pickup_2m: 1, no_reply_5m: 2, auto_escalate: 3 };

export function compareDues(a: SlaDue, b: SlaDue): number {
  const rankA = RANK[a.type === 'breach' ? a.kind : a.type]!;
  const rankB = RANK[b.type === 'breach' ? b.kind : b.type]!;
  return a.dueAt - b.dueAt || rankA - rankB || (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0);
}

/** `kind@start#conversationId`: the conversation id goes last so ids may hold any character. */
export function dueKey(kind: string, start: number, conversationId: string): string {
  return `${kind}@${start}#${conversationId}`;
}

/** The conversation a key belongs to. */
export function keyConversation(key: string): string | undefined {
  const hash = key.indexOf('#');
  return hash < 0 ? undefined : key.slice(hash + 1);
}

/** Every due the conversation's current state can still produce, fired or not, in delivery order. */
export function duesOf(
  conversation: SlaConversation,
  kind: QueueKind,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
  autoEscalate: AutoEscalatePolicy = {},
): SlaDue[] {
  if (conversation.closedAt !== undefined) return [];
  const id = conversation.id;
  const dues: SlaDue[] = [];
  const pickedUp = pickedUpAt(conversation);
  const queued = conversation.queuedAt;
  if (pickedUp === undefined) {
    dues.push({ type: 'breach', conversationId: id, kind: 'pickup_30s', dueAt: queued + policy.pickupTargetMs, key: dueKey('pickup_30s', queued, id) });
  }
  if (kind === 'merchant') {
    if (pickedUp === undefined) {
      const dueAt = queued + policy.merchantPickupMs;
      dues.push({ type: 'breach', conversationId: id, kind: 'no_pickup_2m', dueAt, key: dueKey('no_pickup_2m', queued, id) });
      if (autoEscalate.afterNoPickupMs !== undefined) {
        const autoAt = Math.max(dueAt, queued + autoEscalate.afterNoPickupMs);
        dues.push({ type: 'auto_escalate', conversationId: id, reason: 'no_pickup_2m', dueAt: autoAt, key: dueKey('auto:no_pickup_2m', queued, id) });
      }
    }
    const start = replyClockStart(conversation);
    if (start !== undefined) {
      const dueAt = start + policy.merchantReplyMs;
      dues.push({ type: 'breach', conversationId: id, kind: 'no_reply_5m', dueAt, key: dueKey('no_reply_5m', start, id) });
      if (autoEscalate.afterNoReplyMs !== undefined) {
        const autoAt = Math.max(dueAt, start + autoEscalate.afterNoReplyMs);
        dues.push({ type: 'auto_escalate', conversationId: id, reason: 'no_reply_5m', dueAt: autoAt, key: dueKey('auto:no_reply_5m', start, id) });
      }
    }
  }
  return dues.sort(compareDues);
}
