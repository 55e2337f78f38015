import type Database from 'better-sqlite3';
import type { Followup, Ticket, TicketEvent } from '../../../shared/domain/tickets';
import type { EvidenceTicket } from '../../../shared/evidence';
import { RpcError } from '../../../shared/rpc/errors';

const parse = <T>(rows: { data: string }[]): T[] => rows.map((row) => JSON.parse(row.data) as T);

/**
 * Tickets of a conversation or customer and the user's open follow-ups, from the cached rows the
 * server synced (it scopes them: a merchant agent only ever receives their shop's tickets).
 */
/**
 * A ticket's timeline in the order the server wrote it: by time, then by seq (the server's commit
 * order), as two steps in the same millisecond (resolved, then closed) would otherwise fall in the
 * order of their random ids.
 */
export const TICKET_TIMELINE_SQL =
  "SELECT data FROM entities WHERE entity = 'ticket_events' AND deleted = 0 AND json_extract(data, '$.ticketId') = ? ORDER BY json_extract(data, '$.createdAt'), seq";

export class TicketReads {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly userId: string,
  ) {
    const tickets = (field: string) =>
      db.prepare<[string], { data: string }>(
        `SELECT data FROM entities WHERE entity = 'tickets' AND deleted = 0 AND json_extract(data, '$.${field}') = ? ORDER BY json_extract(data, '$.createdAt') DESC LIMIT 200`,
      );
    this.s = {
      ticket: db.prepare<[string], { data: string }>("SELECT data FROM entities WHERE entity = 'tickets' AND id = ? AND deleted = 0"),
      events: db.prepare<[string], { data: string }>(
        TICKET_TIMELINE_SQL,
      ),
      byConversation: tickets('conversationId'),
      byCustomer: tickets('customerId'),
      openFollowups: db.prepare<[string], { data: string }>(
        "SELECT data FROM entities WHERE entity = 'followups' AND deleted = 0 AND json_extract(data, '$.agentId') = ? AND json_extract(data, '$.doneAt') IS NULL ORDER BY json_extract(data, '$.dueAt')",
      ),
    };
  }

  tickets(of: { conversationId?: string; customerId?: string }): Ticket[] {
    if (of.conversationId !== undefined) return parse<Ticket>(this.s.byConversation.all(of.conversationId));
    return of.customerId === undefined ? [] : parse<Ticket>(this.s.byCustomer.all(of.customerId));
  }

  /** One ticket with its timeline, oldest entry first (the ticket drawer). */
  ticket(ticketId: string): EvidenceTicket {
    const row = this.s.ticket.get(ticketId);
    if (!row) throw new RpcError('not_found', `no ticket ${ticketId} in the local cache`);
    return { ticket: JSON.parse(row.data) as Ticket, events: parse<TicketEvent>(this.s.events.all(ticketId)) };
  }

  /** The user's follow-ups not done yet, soonest due first; narrowed to one conversation when given. */
  openFollowups(conversationId?: string): Followup[] {
    const open = parse<Followup>(this.s.openFollowups.all(this.userId));
    return conversationId === undefined ? open : open.filter((f) => f.conversationId === conversationId);
  }
}
