import type Database from 'better-sqlite3';
import type { Conversation } from '../../../shared/domain/conversations';
import type { Customer } from '../../../shared/domain/customers';
import type { Ticket, TicketEvent } from '../../../shared/domain/tickets';
import type { CustomerTimeline, CustomerTimelineItem, HistoryTranscript } from '../../../shared/domain/workstation';
import { EvidenceReads } from '../evidence/evidenceReads';
import type { MessageReads } from './messageReads';
import { TICKET_TIMELINE_SQL, type TicketReads } from '../tickets/ticketReads';

/** More than any real conversation holds; a longer one shows its newest messages and says so. */
const TRANSCRIPT_MAX = 5_000;
/** A customer's conversations on one timeline (the ticket list has its own cap). */
const TIMELINE_CONVERSATIONS = 500;

/**
 * What the history window opens: a conversation's whole record, and a customer's timeline across
 * channels. Read from the cache, which holds only what the server let this user see, so a merchant
 * agent's history never shows another shop's conversations. The record is read the way an evidence
 * export reads it (EvidenceReads), so what the window shows is what an export would hold.
 */
export class HistoryReads {
  private readonly record: EvidenceReads;
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly messages: MessageReads,
    private readonly tickets: TicketReads,
  ) {
    this.record = new EvidenceReads(db);
    this.s = {
      conversations: db.prepare<[string, number], { data: string }>(
        'SELECT data FROM conversations WHERE customer_id = ? AND deleted = 0 ORDER BY created_at DESC LIMIT ?',
      ),
      customer: db.prepare<[string], { data: string }>("SELECT data FROM entities WHERE entity = 'customers' AND id = ? AND deleted = 0"),
      ticketEvents: db.prepare<[string], { data: string }>(
        TICKET_TIMELINE_SQL,
      ),
    };
  }

  /** The conversation with its counterpart, customer, tickets (with timelines) and every message in order. */
  transcript(conversationId: string): HistoryTranscript {
    const [conversation] = this.record.byIds([conversationId]);
    const page = this.messages.page(conversationId, TRANSCRIPT_MAX);
    return { entry: this.record.entry(conversation!), messages: page.messages, truncated: page.hasMore };
  }

  /** Every cached conversation and ticket of the customer, newest first. */
  timeline(customerId: string): CustomerTimeline {
    const row = this.s.customer.get(customerId);
    const conversations = this.s.conversations.all(customerId, TIMELINE_CONVERSATIONS).map((r): CustomerTimelineItem => {
      const { conversation, counterpart, queueName } = this.record.entry(JSON.parse(r.data) as Conversation);
      return { kind: 'conversation', conversation, counterpart, queueName, at: conversation.createdAt };
    });
    const tickets = this.tickets.tickets({ customerId }).map((ticket: Ticket): CustomerTimelineItem => ({
      kind: 'ticket',
      ticket,
      events: this.s.ticketEvents.all(ticket.id).map((e) => JSON.parse(e.data) as TicketEvent),
      at: ticket.createdAt,
    }));
    return {
      customer: row ? (JSON.parse(row.data) as Customer) : null,
      items: [...conversations, ...tickets].sort((a, b) => b.at - a.at),
    };
  }
}
