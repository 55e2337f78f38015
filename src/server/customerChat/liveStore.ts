import type { Conversation, Message } from '../../shared/domain/conversations';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from '../messages/rows';

/* What the live channel reads after a commit, and the read positions it keeps. */

export type ReaderKind = 'agent' | 'customer';

export interface CustomerLiveStore {
  /** customer-visible (text) messages stamped in [from, to], with the customer of their conversation */
  textMessagesInRange(from: number, to: number): { customerId: string; message: Message }[];
  /**
   * conversations stamped in [from, to]: what their customer is told (the whole row would also
   * compute its escalation state per row, a third of this read's cost under load)
   */
  conversationsInRange(from: number, to: number): Pick<Conversation, 'id' | 'customerId' | 'status'>[];
  /**
   * Moves the reader's position forward to this message (never back to an older one).
   * True when it moved.
   */
  markRead(tx: WriteTx, read: { conversationId: string; readerKind: ReaderKind; readerId: string; messageId: string; at: number }): boolean;
  /** the message this reader has read the conversation up to */
  readUpTo(conversationId: string, readerKind: ReaderKind, readerId: string): string | null;
}

export function createCustomerLiveStore(db: SqliteDatabase): CustomerLiveStore {
  const messages = db.prepare<[number, number], MessageRow & { customer_id: string }>(
    `SELECT ${MESSAGE_COLUMNS}, c.customer_id AS customer_id FROM messages t JOIN conversations c ON c.id = t.conversation_id
     WHERE t.seq BETWEEN ? AND ? AND t.kind = 'text' AND t.deleted = 0 ORDER BY t.seq`,
  );
  const conversations = db.prepare<[number, number], Pick<Conversation, 'id' | 'customerId' | 'status'>>(
    `SELECT t.id, t.customer_id AS customerId, t.status FROM conversations t WHERE t.seq BETWEEN ? AND ? AND t.deleted = 0 ORDER BY t.seq`,
  );
  const upsert = db.prepare<[string, ReaderKind, string, string, number]>(
    `INSERT INTO conversation_reads (conversation_id, reader_kind, reader_id, message_id, read_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (conversation_id, reader_kind, reader_id) DO UPDATE SET message_id = excluded.message_id, read_at = excluded.read_at
     WHERE conversation_reads.message_id <> excluded.message_id
       AND (SELECT created_at FROM messages WHERE id = excluded.message_id) >= (SELECT created_at FROM messages WHERE id = conversation_reads.message_id)`,
  );
  const position = db.prepare<[string, ReaderKind, string], { message_id: string }>(
    'SELECT message_id FROM conversation_reads WHERE conversation_id = ? AND reader_kind = ? AND reader_id = ?',
  );
  return {
    textMessagesInRange: (from, to) => messages.all(from, to).map((r) => ({ customerId: r.customer_id, message: toMessage(r) })),
    conversationsInRange: (from, to) => conversations.all(from, to),
    markRead: (_tx, r) => upsert.run(r.conversationId, r.readerKind, r.readerId, r.messageId, r.at).changes > 0,
    readUpTo: (conversationId, readerKind, readerId) => position.get(conversationId, readerKind, readerId)?.message_id ?? null,
  };
}
