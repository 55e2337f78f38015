/*
 * The KPI formulas, pure, so the server (monitor, reports) and the core (offline figures from its
 * cache) compute the very same numbers. Inputs are plain timestamps (epoch ms); every rate is a
 * fraction 0…1, or null when there is nothing to divide by (a rate of "no conversations" is not 100 %).
 * docs/monitor-metrics.md spells each figure out with examples.
 */

/** The platform's pickup target: a queued chat is picked up within 30 seconds. */
export const PICKUP_TARGET_MS = 30_000;
/** Merchant queues: the shop picks up within 2 minutes … */
export const MERCHANT_PICKUP_TARGET_MS = 2 * 60_000;
/** … and answers every customer message within 5 minutes. */
export const MERCHANT_REPLY_TARGET_MS = 5 * 60_000;
/**
 * The customer-side QC rules that mark an appeal: the customer takes the case beyond the chat, to a
 * complaint (投诉, 12315, the consumers' association, the market regulator) or to arbitration and
 * the law (律师, 起诉, 报警). A conversation with such a flag that a lead did not dismiss counts
 * towards the appeal rate.
 */
export const APPEAL_RULE_IDS: readonly string[] = ['customer.complaint', 'customer.legal'];
/** The monitor's short window for the pickup rate. */
export const RECENT_WINDOW_MS = 15 * 60_000;
/** "Today" is the calendar day at this offset from UTC (China Standard Time, no daylight saving). */
export const REPORT_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 24 * 3600_000;

/** Start of the reporting day holding `at`. */
export function dayStart(at: number, offsetMinutes = REPORT_UTC_OFFSET_MINUTES): number {
  const shift = offsetMinutes * 60_000;
  return Math.floor((at + shift) / DAY_MS) * DAY_MS - shift;
}

/** part / whole, or null when whole is 0. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export type PickupOutcome = 'met' | 'missed' | 'pending';

/**
 * One queue entry against a pickup target: met when an agent took it within the target, missed
 * when it was taken later or has waited longer already, pending while it waits inside the target
 * (it counts for neither side yet, so a fresh chat does not pull the rate down or up).
 */
export function pickupOutcome(queuedAt: number, assignedAt: number | null, now: number, targetMs = PICKUP_TARGET_MS): PickupOutcome {
  if (assignedAt !== null && assignedAt >= queuedAt) return assignedAt - queuedAt <= targetMs ? 'met' : 'missed';
  return now - queuedAt > targetMs ? 'missed' : 'pending';
}

export interface RateCount {
  /** entries that met the target */
  met: number;
  /** entries decided either way (met + missed) */
  decided: number;
  /** met / decided, null when nothing is decided */
  rate: number | null;
}

/** Pickup rate over queue entries: met / (met + missed); pending entries are left out. */
export function pickupRate(entries: Iterable<{ queuedAt: number; assignedAt: number | null }>, now: number, targetMs = PICKUP_TARGET_MS): RateCount {
  let met = 0;
  let decided = 0;
  for (const e of entries) {
    const outcome = pickupOutcome(e.queuedAt, e.assignedAt, now, targetMs);
    if (outcome === 'pending') continue;
    decided += 1;
    if (outcome === 'met') met += 1;
  }
  return { met, decided, rate: ratio(met, decided) };
}

export interface ReplyInterval {
  /** the agent who replied */
  agentId: string | null;
  /** when the reply was sent */
  at: number;
  ms: number;
}

/**
 * Reply intervals of one conversation: for each agent text message that directly follows a
 * customer text message (notes, bot and system lines left out by the caller), the time between
 * the two. A burst of customer messages is measured from its first message (how long the customer waited); a second agent message
 * in a row is not a reply. Messages must be in time order.
 */
export function replyIntervals(messages: readonly { senderKind: string; senderId: string | null; createdAt: number }[]): ReplyInterval[] {
  const intervals: ReplyInterval[] = [];
  let unansweredSince: number | null = null;
  for (const m of messages) {
    if (m.senderKind === 'customer') unansweredSince ??= m.createdAt;
    else if (m.senderKind === 'agent' && unansweredSince !== null) {
      intervals.push({ agentId: m.senderId, at: m.createdAt, ms: m.createdAt - unansweredSince });
      unansweredSince = null;
    }
  }
  return intervals;
}

/**
 * QC pass rate: 1 − failed / handled, where handled are the conversations an agent (or a shop)
 * answered in the period — every message of theirs went through the QC rules as it was sent — and
 * failed are those among them with at least one agent-side flag a lead confirmed. Flags still open
 * or dismissed do not fail a conversation. Null when nothing was handled.
 */
export function qcPassRate(handled: number, failed: number): number | null {
  const failedShare = ratio(failed, handled);
  return failedShare === null ? null : 1 - failedShare;
}
