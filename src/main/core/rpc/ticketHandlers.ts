import type { Workspace } from '../workspace/workspace';
import type { WorkstationHandlers } from './workstationHandlers';

type TicketMethods = Pick<WorkstationHandlers, 'tickets.get' | 'tickets.update' | 'tickets.comment' | 'tickets.transfer'>;

/**
 * The ticket drawer: a ticket with its timeline from the cache, and its changes through the
 * outbox (no local effect: the server decides whether a status move is legal, and its rows, the
 * ticket and the new timeline entries, come back to every window).
 */
export function ticketHandlers(ws: () => Workspace): TicketMethods {
  return {
    'tickets.get': ({ ticketId }) => ws().tickets.ticket(ticketId),
    'tickets.update': (args) => ws().writes.plain('tickets.update', args),
    'tickets.comment': (args) => ws().writes.plain('tickets.comment', args),
    'tickets.transfer': (args) => ws().writes.plain('tickets.transfer', args),
  };
}
