import type Database from 'better-sqlite3';
import type { Message } from '../../../shared/domain/conversations';
import type { DeliveryState, MessagePage, MessageView } from '../../../shared/domain/workstation';
import { RpcError } from '../../../shared/rpc/errors';

interface MessageRow {
  data: string;
  delivery: DeliveryState;
  failure: string | null;
}

export function toMessageView(row: MessageRow): MessageView {
  return {
    ...(JSON.parse(row.data) as Message),
    delivery: row.delivery,
    failure: row.failure ? (JSON.parse(row.failure) as { code: string; message: string }) : null,
  };
}

/** A conversation's timeline from the cache, newest page first, paged backwards by message. */
export class MessageReads {
  private readonly s;

  constructor(db: Database.Database) {
    const columns = 'SELECT data, delivery, failure FROM messages';
    this.s = {
      latest: db.prepare<[string, number], MessageRow>(
        `${columns} WHERE conversation_id = ? AND deleted = 0 ORDER BY created_at DESC, id DESC LIMIT ?`,
      ),
      before: db.prepare<[string, number, number, string, number], MessageRow>(
        `${columns} WHERE conversation_id = ? AND deleted = 0 AND (created_at < ? OR (created_at = ? AND id < ?))
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      ),
      anchor: db.prepare<[string, string], { created_at: number }>('SELECT created_at FROM messages WHERE id = ? AND conversation_id = ?'),
      one: db.prepare<[string], MessageRow & { seq: number }>('SELECT data, delivery, failure, seq FROM messages WHERE id = ?'),
    };
  }

  page(conversationId: string, limit: number, before?: string): MessagePage {
    let rows: MessageRow[];
    if (before) {
      const anchor = this.s.anchor.get(before, conversationId);
      if (!anchor) throw new RpcError('not_found', 'the message to page from is not in this conversation');
      rows = this.s.before.all(conversationId, anchor.created_at, anchor.created_at, before, limit + 1);
    } else {
      rows = this.s.latest.all(conversationId, limit + 1);
    }
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map(toMessageView), hasMore };
  }

  get(messageId: string): (MessageView & { seq: number }) | null {
    const row = this.s.one.get(messageId);
    return row ? { ...toMessageView(row), seq: row.seq } : null;
  }
}
