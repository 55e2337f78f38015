// The service-level targets, in one place so a deployment can tune them.

export interface SlaPolicy {
  /** The pickup target recorded for every conversation (the "30-second pickup rate" KPI). */
  pickupTargetMs: number;
  /** A merchant queue conversation nobody picked up within this becomes escalatable. */
  merchantPickupMs: number;
  /** A merchant agent who leaves a customer message unanswered this long makes the chat escalatable. */
  merchantReplyMs: number;
}

export const DEFAULT_SLA_POLICY: Readonly<SlaPolicy> = Object.freeze({
  pickupTargetMs: 30_000,
  merchantPickupMs: 2 * 60_000,
  merchantReplyMs: 5 * 60_000,
});

/**
 * Optional automatic escalation of merchant conversations, on top of the customer's own
 * "transfer to platform". Each delay counts from the same start as its rule and never fires before
 * the rule itself is breached (a shorter delay waits for the breach).
 */
export interface AutoEscalatePolicy {
  afterNoPickupMs?: number;
  afterNoReplyMs?: number;
}
