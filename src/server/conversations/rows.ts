import type { Conversation, EscalationReason } from '../../shared/domain/conversations';
import { ESCALATION_COLUMNS } from '../sla/escalatable';
import { defineSource, type BaseRow } from '../sync/source';

export interface ConversationRow extends BaseRow {
  customer_id: string;
  queue_id: string;
  shop_id: string | null;
  channel: Conversation['channel'];
  status: Conversation['status'];
  assignee_id: string | null;
  order_id: string | null;
  created_at: number;
  queued_at: number | null;
  assigned_at: number | null;
  first_response_at: number | null;
  last_customer_at: number | null;
  last_agent_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  category: string | null;
  csat: number | null;
  escalated_from_queue_id: string | null;
  escalatable_at: number | null;
  escalation_reason: EscalationReason | null;
}

export const CONVERSATION_COLUMNS = `t.id, t.seq, t.deleted, t.customer_id, t.queue_id, t.shop_id, t.channel, t.status,
  t.assignee_id, t.order_id, t.created_at, t.queued_at, t.assigned_at, t.first_response_at, t.last_customer_at,
  t.last_agent_at, t.resolved_at, t.closed_at, t.category, t.csat, t.escalated_from_queue_id, ${ESCALATION_COLUMNS}`;

export function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.id,
    customerId: r.customer_id,
    queueId: r.queue_id,
    shopId: r.shop_id,
    channel: r.channel,
    status: r.status,
    assigneeId: r.assignee_id,
    orderId: r.order_id,
    createdAt: r.created_at,
    queuedAt: r.queued_at,
    assignedAt: r.assigned_at,
    firstResponseAt: r.first_response_at,
    lastCustomerAt: r.last_customer_at,
    lastAgentAt: r.last_agent_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    category: r.category,
    csat: r.csat,
    escalatedFromQueueId: r.escalated_from_queue_id,
    escalatableAt: r.escalatable_at,
    escalationReason: r.escalation_reason,
  };
}

export const conversationsSource = defineSource({
  entity: 'conversations',
  table: 'conversations',
  columns: CONVERSATION_COLUMNS,
  toData: (r: ConversationRow) => toConversation(r),
});
