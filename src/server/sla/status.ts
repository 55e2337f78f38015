// SLA status as pure functions of a conversation's timestamps.
//
// Every deadline is half-open: an action meets it only if it happens strictly before dueAt, and the
// deadline counts as missed from the instant dueAt itself. So a pickup after 29.999 s meets the
// 30-second target, one at exactly 30.000 s misses it; a merchant who has not picked up by exactly
// 2:00.000 (or replied by exactly 5:00.000) is in breach at that instant. The timers fire at dueAt.
import type { EscalationReason } from '../../shared/domain/conversations';
import type { QueueKind } from '../routing/types';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './policy';

/** The timestamps (ms) the SLA rules read. The record* helpers below keep them up to date. */
export interface SlaConversation {
  id: string;
  queueId: string;
  /** When it entered its current queue; every pickup clock starts here. */
  queuedAt: number;
  /** Assigned to an agent (accepted, auto-assigned or assigned by a lead) in this queue stay. */
  assignedAt?: number;
  /** The first agent action (message, note to the customer…) in this queue stay. */
  firstAgentActionAt?: number;
  /**
   * The oldest customer message the agent has not answered yet; undefined when the agent spoke
   * last. The reply deadline runs from here (not from the newest customer message, which would
   * let a customer's follow-ups push the deadline further out).
   */
  awaitingReplySince?: number;
  /** Once closed (or resolved) no clock runs and nothing is escalatable. */
  closedAt?: number;
}

export type { EscalationReason };

export interface SlaStatus {
  /** met: true/false once known, null while it can still go either way (or the customer left before it was due). */
  pickup30s: { dueAt: number; met: boolean | null };
  /** Merchant queues only (null elsewhere). breached stays true once the pickup came late. */
  merchantPickup: { dueAt: number; breached: boolean } | null;
  /** Merchant queues only (null elsewhere). dueAt is null while no customer message awaits an answer. */
  merchantReply: { dueAt: number | null; breached: boolean } | null;
  /** The customer may ask for the platform now. */
  escalatable: boolean;
  reasons: EscalationReason[];
}

/** When the conversation was picked up in this queue stay: the assignment or the first agent action, whichever came first. */
export function pickedUpAt(conversation: SlaConversation): number | undefined {
  const { assignedAt, firstAgentActionAt } = conversation;
  if (assignedAt === undefined) return firstAgentActionAt;
  if (firstAgentActionAt === undefined) return assignedAt;
  return Math.min(assignedAt, firstAgentActionAt);
}

/**
 * When the merchant's reply clock started, or undefined when none runs: only after pickup, from the
 * oldest unanswered customer message (or from the pickup, when the customer wrote before it: the
 * agent cannot answer a chat they do not have yet).
 */
export function replyClockStart(conversation: SlaConversation): number | undefined {
  const pickedUp = pickedUpAt(conversation);
  const since = conversation.awaitingReplySince;
  if (pickedUp === undefined || since === undefined) return undefined;
  return Math.max(pickedUp, since);
}

export function slaStatus(
  conversation: SlaConversation,
  queue: { kind: QueueKind },
  now: number,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): SlaStatus {
  const closed = conversation.closedAt !== undefined && conversation.closedAt <= now;
  // Time stands still for a closed conversation.
  const at = closed ? conversation.closedAt! : now;
  const pickedUp = pickedUpAt(conversation);

  const pickupDue = conversation.queuedAt + policy.pickupTargetMs;
  const met = pickedUp !== undefined ? pickedUp < pickupDue : at >= pickupDue ? false : null;
  const status: SlaStatus = { pickup30s: { dueAt: pickupDue, met }, merchantPickup: null, merchantReply: null, escalatable: false, reasons: [] };
  if (queue.kind !== 'merchant') return status;

  const merchantPickupDue = conversation.queuedAt + policy.merchantPickupMs;
  status.merchantPickup = { dueAt: merchantPickupDue, breached: (pickedUp ?? at) >= merchantPickupDue };
  const replyStart = replyClockStart(conversation);
  const replyDue = replyStart === undefined ? null : replyStart + policy.merchantReplyMs;
  status.merchantReply = { dueAt: replyDue, breached: replyDue !== null && at >= replyDue };

  if (!closed) {
    if (pickedUp === undefined && at >= merchantPickupDue) status.reasons.push('no_pickup_2m');
    if (status.merchantReply.breached) status.reasons.push('no_reply_5m');
  }
  status.escalatable = status.reasons.length > 0;
  return status;
}

// ── keeping the timestamps ─────────────────────────────────────────────────────────────────────

/** A customer message: starts the reply clock unless one is already running. */
export function recordCustomerMessage<T extends SlaConversation>(conversation: T, at: number): T {
  return conversation.awaitingReplySince === undefined ? { ...conversation, awaitingReplySince: at } : conversation;
}

/** An agent reply: stops the reply clock and counts as the first agent action if it is one. */
export function recordAgentReply<T extends SlaConversation>(conversation: T, at: number): T {
  const next: T = { ...conversation, firstAgentActionAt: conversation.firstAgentActionAt ?? at };
  delete next.awaitingReplySince;
  return next;
}

/** The conversation got an agent in this queue stay (the first assignment counts). */
export function recordAssignment<T extends SlaConversation>(conversation: T, at: number): T {
  return conversation.assignedAt === undefined ? { ...conversation, assignedAt: at } : conversation;
}

/**
 * The conversation entered a queue (again): escalation, transfer or a released chat. The pickup
 * clocks start over; an unanswered customer message stays unanswered.
 */
export function recordQueued<T extends SlaConversation>(conversation: T, queueId: string, at: number): T {
  const next: T = { ...conversation, queueId, queuedAt: at };
  delete next.assignedAt;
  delete next.firstAgentActionAt;
  return next;
}
