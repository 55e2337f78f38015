import { TicketChangeSchema, type Ticket, type TicketEvent } from '../../shared/domain/tickets';
import { parseJson } from '../db/json';
import { defineSource, type BaseRow } from '../sync/source';

export interface TicketRow extends BaseRow {
  conversation_id: string | null;
  customer_id: string | null;
  shop_id: string | null;
  order_id: string | null;
  department_team_id: string;
  title: string;
  description: string;
  category: string;
  priority: Ticket['priority'];
  status: Ticket['status'];
  assignee_id: string | null;
  creator_id: string;
  due_at: number | null;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  closed_at: number | null;
}

// The order is the conversation's (fixed when the conversation starts), so it is read, not copied.
export const TICKET_COLUMNS = `t.id, t.seq, t.deleted, t.conversation_id, t.customer_id, t.shop_id,
  (SELECT tc.order_id FROM conversations tc WHERE tc.id = t.conversation_id) AS order_id,
  t.department_team_id, t.title, t.description, t.category, t.priority, t.status, t.assignee_id, t.creator_id,
  t.due_at, t.created_at, t.updated_at, t.resolved_at, t.closed_at`;

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    customerId: r.customer_id,
    shopId: r.shop_id,
    orderId: r.order_id,
    departmentTeamId: r.department_team_id,
    title: r.title,
    description: r.description,
    category: r.category,
    priority: r.priority,
    status: r.status,
    assigneeId: r.assignee_id,
    creatorId: r.creator_id,
    dueAt: r.due_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
  };
}

export const ticketsSource = defineSource({
  entity: 'tickets',
  table: 'tickets',
  columns: TICKET_COLUMNS,
  toData: (r: TicketRow) => toTicket(r),
});

export interface TicketEventRow extends BaseRow {
  ticket_id: string;
  kind: TicketEvent['kind'];
  actor_id: string | null;
  body: string;
  meta: string;
  created_at: number;
}

export const TICKET_EVENT_COLUMNS = 't.id, t.seq, t.deleted, t.ticket_id, t.kind, t.actor_id, t.body, t.meta, t.created_at';

export function toTicketEvent(r: TicketEventRow): TicketEvent {
  // meta is written by this server from TicketChangeSchema; re-checked so a bad value is dropped, not sent.
  const change = TicketChangeSchema.safeParse(parseJson<unknown>(r.meta, null));
  return {
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind,
    actorId: r.actor_id,
    body: r.body,
    change: change.success ? change.data : null,
    createdAt: r.created_at,
  };
}

export const ticketEventsSource = defineSource({
  entity: 'ticket_events',
  table: 'ticket_events',
  columns: TICKET_EVENT_COLUMNS,
  toData: (r: TicketEventRow) => toTicketEvent(r),
});
