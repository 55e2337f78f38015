import type { WriteTx } from '../db/writer';
import type { Restamper } from '../sync/restamp';
import type { TicketsReads } from './store';

/**
 * "Gaining access" for tickets (docs/sync-protocol.md): a department's new people get its tickets
 * with their whole timelines through fresh seqs, parents first (each ticket, then its events in
 * timeline order), so their next pull brings them.
 */
export class TicketAccess {
  constructor(private readonly deps: { tickets: TicketsReads; restamper: Restamper }) {}

  /** A ticket moved to another department: the ticket row itself is already re-stamped by its update. */
  grantTimeline(tx: WriteTx, ticketId: string): void {
    this.deps.restamper.restamp(tx, 'ticket_events', this.deps.tickets.eventIdsOf(ticketId));
  }

  /** Someone joined the team: every ticket it holds, with its timeline. */
  grantDepartment(tx: WriteTx, teamId: string): void {
    for (const ticketId of this.deps.tickets.idsOfDepartment(teamId)) {
      this.deps.restamper.restamp(tx, 'tickets', [ticketId]);
      this.grantTimeline(tx, ticketId);
    }
  }
}
