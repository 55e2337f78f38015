import type { Ticket, TicketChange, TicketEvent } from '../../shared/domain/tickets';
import type { WriteTx } from '../db/writer';
import type { DemoData } from '../demo/data/schema';
import type { TicketsWrites } from './store';

type DemoTicket = DemoData['history']['tickets'][number];
type DemoTicketEvent = DemoTicket['timeline'][number];

/**
 * Loads the demo history's tickets with their timelines, inside the demo loader's transaction.
 * The data set records the creation as a first 'pending' status entry and a transfer by its
 * target only; the timeline is rebuilt in this server's terms (a 'created' entry, status moves
 * with their from → to, transfers with both departments). `user` maps demo agent ids to user ids.
 * Returns how many tickets were loaded (those whose creator is no user are left out).
 */
export function loadDemoTickets(tx: WriteTx, tickets: TicketsWrites, data: DemoData, user: (agentId: string | undefined) => string | null): number {
  const shopOfConversation = new Map(data.history.conversations.map((c) => [c.id, c.shopId ?? null]));
  const shopOfOrder = new Map(data.customers.orders.map((o) => [o.id, o.shopId]));
  const teamsOf = new Map(data.org.agents.map((a) => [a.id, a.teamIds]));
  let loaded = 0;
  for (const d of data.history.tickets) {
    const [first, ...rest] = d.timeline;
    const creatorId = first ? user(first.by) : null;
    if (!first || !creatorId) continue;
    // The creator works in the department that first held it: the first transfer's source.
    const firstTransfer = rest.findIndex((e) => e.kind === 'transfer');
    const startTeam = firstTransfer < 0 ? d.department : (teamsOf.get(first.by)?.find((t) => t !== d.department) ?? d.department);
    const at = (status: Ticket['status']) => d.timeline.findLast((e) => e.kind === 'status' && e.status === status)?.at ?? null;
    tickets.insertTicket(tx, {
      id: d.id,
      conversationId: d.conversationId ?? null,
      customerId: d.customerId,
      shopId: (d.conversationId ? shopOfConversation.get(d.conversationId) : undefined) ?? (d.orderId ? shopOfOrder.get(d.orderId) : undefined) ?? null,
      departmentTeamId: d.department,
      title: d.title,
      description: first.text,
      category: d.category,
      priority: d.priority,
      status: d.status,
      assigneeId: user(d.assigneeId),
      creatorId,
      dueAt: d.dueAt,
      createdAt: d.createdAt,
      updatedAt: d.timeline.at(-1)?.at ?? d.createdAt,
      resolvedAt: d.status === 'resolved' || d.status === 'closed' ? at('resolved') : null,
      closedAt: d.status === 'closed' ? at('closed') : null,
    });
    const event = (index: number, e: DemoTicketEvent, kind: TicketEvent['kind'], change: TicketChange) =>
      tickets.insertEvent(tx, { id: `${d.id}-${index}`, ticketId: d.id, kind, actorId: user(e.by), body: e.text, change, createdAt: e.at });
    event(0, first, 'created', { type: 'created', conversationId: d.conversationId ?? null, departmentTeamId: startTeam });
    let status: Ticket['status'] = 'pending';
    let team = startTeam;
    rest.forEach((e, i) => {
      if (e.kind === 'status' && e.status) {
        event(i + 1, e, 'status', { type: 'status', from: status, to: e.status });
        status = e.status;
      } else if (e.kind === 'transfer' && e.toDepartment) {
        event(i + 1, e, 'transfer', { type: 'transfer', fromTeamId: team, toTeamId: e.toDepartment });
        team = e.toDepartment;
      } else {
        event(i + 1, e, 'comment', { type: 'comment' });
      }
    });
    loaded += 1;
  }
  return loaded;
}
