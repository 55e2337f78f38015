import type Database from 'better-sqlite3';
import type { Conversation } from '../../../shared/domain/conversations';
import type { Customer } from '../../../shared/domain/customers';
import type { ConversationFilter, ConversationSummary, MessagePreview } from '../../../shared/domain/workstation';
import type { Message } from '../../../shared/domain/conversations';
import { RpcError } from '../../../shared/rpc/errors';

/** Start of the local day, for "resolved today". */
function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * The conversation lists and headers of the workstation, from the cache: each row with its
 * customer badge, unread count (customer messages after the user last read or replied) and the
 * last message. The SLA timestamps are the conversation's own fields.
 */
export class ConversationReads {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly userId: string,
    private readonly now: () => number = Date.now,
  ) {
    // Each list's rows and order, read whole (summaries) or as ids only (the list's full length,
    // which the window pages through: 10,000 resolved today cost one small read, not 10,000 summaries).
    const lists = {
      mine: "assignee_id = ? AND status IN ('assigned', 'waiting_customer') ORDER BY created_at DESC",
      waitingCustomer: "assignee_id = ? AND status = 'waiting_customer' ORDER BY created_at DESC",
      resolvedSince: "assignee_id = ? AND status IN ('resolved', 'closed') AND resolved_at >= ? ORDER BY resolved_at DESC",
      queued: "status = 'queued' ORDER BY queued_at ASC",
    };
    const select = (what: string, list: string) => `SELECT ${what} FROM conversations WHERE deleted = 0 AND ${list}`;
    this.s = {
      mine: db.prepare<[string, number], { data: string }>(`${select('data', lists.mine)} LIMIT ?`),
      waitingCustomer: db.prepare<[string, number], { data: string }>(`${select('data', lists.waitingCustomer)} LIMIT ?`),
      resolvedSince: db.prepare<[string, number, number], { data: string }>(`${select('data', lists.resolvedSince)} LIMIT ?`),
      queued: db.prepare<[number], { data: string }>(`${select('data', lists.queued)} LIMIT ?`),
      mineIds: db.prepare<[string], string>(select('id', lists.mine)).pluck(),
      waitingCustomerIds: db.prepare<[string], string>(select('id', lists.waitingCustomer)).pluck(),
      resolvedSinceIds: db.prepare<[string, number], string>(select('id', lists.resolvedSince)).pluck(),
      queuedIds: db.prepare<[], string>(select('id', lists.queued)).pluck(),
      one: db.prepare<[string], { data: string }>('SELECT data FROM conversations WHERE id = ?'),
      live: db.prepare<[string], { data: string }>('SELECT data FROM conversations WHERE id = ? AND deleted = 0'),
      seq: db.prepare<[string], { seq: number }>('SELECT seq FROM conversations WHERE id = ?'),
      customer: db.prepare<[string], { data: string }>("SELECT data FROM entities WHERE entity = 'customers' AND id = ?"),
      readAt: db.prepare<[string], { read_at: number }>('SELECT read_at FROM read_marks WHERE conversation_id = ?'),
      unread: db.prepare<[string, number], { n: number }>(
        "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND created_at > ? AND sender_kind = 'customer' AND deleted = 0",
      ),
      last: db.prepare<[string], { data: string }>(
        "SELECT data FROM messages WHERE conversation_id = ? AND deleted = 0 AND kind != 'event' ORDER BY created_at DESC, id DESC LIMIT 1",
      ),
      pendingWrites: db.prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND json_extract(args, '$.conversationId') = ?",
      ),
      markRead: db.prepare(
        'INSERT INTO read_marks (conversation_id, read_at) VALUES (?, ?) ON CONFLICT (conversation_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)',
      ),
    };
  }

  list(filter: ConversationFilter, limit: number): ConversationSummary[] {
    const rows =
      filter === 'mine'
        ? this.s.mine.all(this.userId, limit)
        : filter === 'waiting_customer'
          ? this.s.waitingCustomer.all(this.userId, limit)
          : filter === 'resolved_today'
            ? this.s.resolvedSince.all(this.userId, startOfDay(this.now()), limit)
            : this.s.queued.all(limit);
    return rows.map((row) => this.summary(JSON.parse(row.data) as Conversation));
  }

  /** Every id of the list, in its order: what a window pages through (see summaries). */
  ids(filter: ConversationFilter): string[] {
    return filter === 'mine'
      ? this.s.mineIds.all(this.userId)
      : filter === 'waiting_customer'
        ? this.s.waitingCustomerIds.all(this.userId)
        : filter === 'resolved_today'
          ? this.s.resolvedSinceIds.all(this.userId, startOfDay(this.now()))
          : this.s.queuedIds.all();
  }

  /** The summaries of these conversations, in the same order; those not in the cache (or deleted since the ids were read) are left out. */
  summaries(ids: readonly string[]): ConversationSummary[] {
    return ids.flatMap((id) => {
      const row = this.s.live.get(id);
      return row ? [this.summary(JSON.parse(row.data) as Conversation)] : [];
    });
  }

  get(conversationId: string): ConversationSummary {
    const row = this.s.one.get(conversationId);
    if (!row) throw new RpcError('not_found', 'no such conversation in the local cache');
    return this.summary(JSON.parse(row.data) as Conversation);
  }

  /** The raw cached conversation, or null. */
  conversation(conversationId: string): Conversation | null {
    const row = this.s.one.get(conversationId);
    return row ? (JSON.parse(row.data) as Conversation) : null;
  }

  /** The cached row's seq (0 when absent): an optimistic change is undone only if no newer row came since. */
  seq(conversationId: string): number {
    return this.s.seq.get(conversationId)?.seq ?? 0;
  }

  markRead(conversationId: string): void {
    if (!this.s.one.get(conversationId)) throw new RpcError('not_found', 'no such conversation in the local cache');
    this.s.markRead.run(conversationId, this.now());
  }

  summary(conversation: Conversation): ConversationSummary {
    const customerRow = this.s.customer.get(conversation.customerId);
    const customer = customerRow ? (JSON.parse(customerRow.data) as Customer) : null;
    const readAt = Math.max(this.s.readAt.get(conversation.id)?.read_at ?? 0, conversation.lastAgentAt ?? 0);
    const lastRow = this.s.last.get(conversation.id);
    let lastMessage: MessagePreview | null = null;
    if (lastRow) {
      const m = JSON.parse(lastRow.data) as Message;
      lastMessage = { body: m.body.slice(0, 200), senderKind: m.senderKind, kind: m.kind, createdAt: m.createdAt };
    }
    return {
      ...conversation,
      customer: customer ? { id: customer.id, name: customer.name, level: customer.level } : null,
      unread: this.s.unread.get(conversation.id, readAt)?.n ?? 0,
      lastMessage,
      pendingWrites: this.s.pendingWrites.get(conversation.id)?.n ?? 0,
    };
  }
}
