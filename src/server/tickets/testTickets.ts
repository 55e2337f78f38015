import type { SyncRow } from '../../shared/api/sync';
import type { Conversation } from '../../shared/domain/conversations';
import { F, type FixtureUser } from '../testing/fixtures';
import { newId } from '../ids';
import type { FixtureServer } from '../testing/fixtureServer';
import type { WsCollector } from '../testing/wsClient';

/* Helpers the ticket and follow-up tests share: creating tickets, reading timelines from rows, waiting for a socket. */

/** tickets.create as `user`, which must be applied; returns the new ticket's id. */
export async function createTicket(t: FixtureServer, user: FixtureUser, args: Record<string, unknown>): Promise<string> {
  const rows = await t.apply(user, 'tickets.create', { category: 'refund', ...args });
  const ticket = rows.find((r) => r.entity === 'tickets');
  if (!ticket) throw new Error(`tickets.create by ${user} returned no ticket row`);
  return ticket.id;
}

/** The ticket's timeline among rows: its events, oldest first. */
export function timeline(rows: readonly SyncRow[], ticketId: string): SyncRow[] {
  return rows
    .filter((r) => r.entity === 'ticket_events' && r.data.ticketId === ticketId)
    .sort((a, b) => (a.data.createdAt as number) - (b.data.createdAt as number) || a.seq - b.seq);
}

/** The newest state of one row among rows (pages may hold a row more than once). */
export function latest(rows: readonly SyncRow[], entity: string, id: string): SyncRow | undefined {
  return rows.filter((r) => r.entity === entity && r.id === id).sort((a, b) => b.seq - a.seq)[0];
}

/**
 * A conversation of fixture customer c1 about an order, held by `agentId`: written through the
 * stores because the customer side cannot attach an order yet; the customer then writes in it.
 */
export async function seedOrderConversation(
  t: FixtureServer,
  c: { id: string; queueId: string; shopId: string | null; orderId: string; agentId: string; text: string },
): Promise<void> {
  const { domain } = t.internals;
  const now = t.clock.time;
  const conversation: Conversation = {
    id: c.id,
    customerId: F.customers.c1,
    queueId: c.queueId,
    shopId: c.shopId,
    channel: 'chat',
    status: 'assigned',
    assigneeId: c.agentId,
    orderId: c.orderId,
    createdAt: now,
    queuedAt: now,
    assignedAt: now,
    firstResponseAt: null,
    lastCustomerAt: null,
    lastAgentAt: null,
    resolvedAt: null,
    closedAt: null,
    category: null,
    csat: null,
    escalatedFromQueueId: null,
  };
  domain.writer.write((tx) => {
    domain.conversations.insertConversation(tx, conversation);
    domain.conversations.setParticipant(c.id, c.agentId, 'assignee', now);
    domain.conversations.addQueueVisit(c.id, c.queueId, now);
  });
  await t.customerSays('c1', c.queueId, c.text, { conversationId: c.id });
}

/** Every frame the server sent this socket before now has arrived once the answer to this one has. */
export async function barrier(socket: WsCollector): Promise<void> {
  const clientId = `barrier-${newId()}`;
  socket.send({ t: 'mutate', clientId, mutations: [{ id: newId(), name: 'nothing.here', args: {} }] });
  await socket.next((f) => f.t === 'mutated' && f.clientId === clientId);
}
