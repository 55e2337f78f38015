/*
 * Whether the customer may ask for the platform, derived at read time from the fired breaches
 * (sla_breaches) rather than stored on the conversation: the SLA service only records the breach
 * and re-stamps the conversation, and every read (pull, push, the customer's own view) computes
 * the same answer. A merchant breach counts for the rest of its queue stay: once the merchant let
 * the customer wait, a late answer does not take the right to escalate away. Leaving the merchant
 * queue (escalated), resolving or closing ends it.
 */

function firstBreach(column: string): string {
  return `(SELECT ${column} FROM sla_breaches eb
    WHERE eb.conversation_id = t.id AND eb.kind IN ('no_pickup_2m', 'no_reply_5m')
      AND eb.due_at > COALESCE(t.queued_at, t.created_at)
      AND t.status IN ('queued', 'assigned', 'waiting_customer')
      AND EXISTS (SELECT 1 FROM queues eq WHERE eq.id = t.queue_id AND eq.kind = 'merchant')
    ORDER BY eb.due_at, eb.kind LIMIT 1)`;
}

/**
 * Select-list columns over conversations (alias `t`): escalatable_at (when the first merchant
 * breach of this queue stay fell due) and escalation_reason (its rule), both NULL when not
 * escalatable. A breach of an earlier stay fell due at or before the current stay began.
 */
export const ESCALATION_COLUMNS = `${firstBreach('eb.due_at')} AS escalatable_at, ${firstBreach('eb.kind')} AS escalation_reason`;
