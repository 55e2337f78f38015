import type Database from 'better-sqlite3';
import type { Conversation, Message } from '../../../shared/domain/conversations';
import type { Customer } from '../../../shared/domain/customers';
import type { Agent, Queue, Shop } from '../../../shared/domain/org';
import type { Ticket, TicketEvent } from '../../../shared/domain/tickets';
import { MAX_EXPORT_CONVERSATIONS, type EvidenceConversation, type EvidenceFilter } from '../../../shared/evidence';
import { RpcError } from '../../../shared/rpc/errors';
import { TICKET_TIMELINE_SQL } from '../tickets/ticketReads';

type DataRow = { data: string };
const parse = <T>(row: DataRow | undefined): T | null => (row ? (JSON.parse(row.data) as T) : null);

/** SQL for each filter field; shopId lives only in the row's JSON. */
const FILTER_SQL: Record<keyof EvidenceFilter, string> = {
  from: 'created_at >= ?',
  to: 'created_at <= ?',
  queueId: 'queue_id = ?',
  shopId: "json_extract(data, '$.shopId') = ?",
  agentId: 'assignee_id = ?',
  customerId: 'customer_id = ?',
  status: 'status = ?',
  channel: 'channel = ?',
};

/**
 * What an export holds, read from the account's cache: conversations by id or by filter, each
 * transcript in order, linked tickets with their timelines, customer, queue, shop and agent
 * names. Only rows the server sent count (seq > 0): a reply still in the outbox is not yet part
 * of the record.
 */
export class EvidenceReads {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      conversation: db.prepare<[string], DataRow>('SELECT data FROM conversations WHERE id = ? AND deleted = 0'),
      messages: db.prepare<[string], DataRow>(
        'SELECT data FROM messages WHERE conversation_id = ? AND deleted = 0 AND seq > 0 ORDER BY created_at, id',
      ),
      entity: db.prepare<[string, string], DataRow>('SELECT data FROM entities WHERE entity = ? AND id = ? AND deleted = 0'),
      tickets: db.prepare<[string], DataRow>(
        "SELECT data FROM entities WHERE entity = 'tickets' AND deleted = 0 AND json_extract(data, '$.conversationId') = ? ORDER BY json_extract(data, '$.createdAt'), id",
      ),
      ticketEvents: db.prepare<[string], DataRow>(
        TICKET_TIMELINE_SQL,
      ),
    };
  }

  /** The conversations asked for, in the order given; a missing one is named. */
  byIds(ids: readonly string[]): Conversation[] {
    return ids.map((id) => {
      const conversation = parse<Conversation>(this.s.conversation.get(id));
      if (!conversation) throw new RpcError('not_found', `conversation ${id} is not in the local cache`);
      return conversation;
    });
  }

  /** Cached conversations matching every field of the filter, oldest first. */
  byFilter(filter: EvidenceFilter): Conversation[] {
    const fields = (Object.keys(FILTER_SQL) as (keyof EvidenceFilter)[]).filter((key) => filter[key] !== undefined);
    const where = ['deleted = 0', ...fields.map((key) => FILTER_SQL[key])].join(' AND ');
    const rows = this.db
      .prepare<unknown[], DataRow>(`SELECT data FROM conversations WHERE ${where} ORDER BY created_at, id LIMIT ?`)
      .all(...fields.map((key) => filter[key]), MAX_EXPORT_CONVERSATIONS + 1);
    if (rows.length > MAX_EXPORT_CONVERSATIONS) {
      throw new RpcError('too_large', `more than ${MAX_EXPORT_CONVERSATIONS} conversations match: narrow the date range`);
    }
    return rows.map((row) => JSON.parse(row.data) as Conversation);
  }

  messages(conversationId: string): Message[] {
    return this.s.messages.all(conversationId).map((row) => JSON.parse(row.data) as Message);
  }

  /** The conversation with its counterpart, queue name, customer and tickets. */
  entry(conversation: Conversation): EvidenceConversation {
    const queue = parse<Queue>(this.s.entity.get('queues', conversation.queueId));
    const shop = conversation.shopId ? parse<Shop>(this.s.entity.get('shops', conversation.shopId)) : null;
    // A merchant conversation escalated to a platform queue is answered by the platform from then on.
    const byShop = conversation.shopId !== null && queue?.kind !== 'platform';
    return {
      conversation,
      counterpart: byShop ? { kind: 'shop', shopId: conversation.shopId!, shopName: shop?.name ?? null } : { kind: 'platform' },
      queueName: queue?.name ?? null,
      customer: parse<Customer>(this.s.entity.get('customers', conversation.customerId)),
      tickets: this.s.tickets.all(conversation.id).map((row) => {
        const ticket = JSON.parse(row.data) as Ticket;
        return { ticket, events: this.s.ticketEvents.all(ticket.id).map((e) => JSON.parse(e.data) as TicketEvent) };
      }),
    };
  }

  agentName(agentId: string): string | null {
    return parse<Agent>(this.s.entity.get('agents', agentId))?.displayName ?? null;
  }
}
