import type { Message } from '../../shared/domain/conversations';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './rows';

/* Messages of conversations: customer and agent text, internal notes and system events. */

export interface NewMessage extends Message {
  /** a note written on the platform side: merchant users never receive it */
  platformOnly: boolean;
  /** the sender's own id for the write (a mutation id, a widget message id) */
  clientMutationId: string | null;
}

export interface MessagesReads {
  message(id: string): Message | null;
  /** the message a sender already created with this client id, if any (retries) */
  bySenderClientId(senderId: string, clientId: string): Message | null;
  /** ids in timeline order, for re-stamping */
  idsOf(conversationId: string): string[];
  /** what the customer may read: their conversation's text messages, oldest first */
  customerVisible(conversationId: string): Message[];
}

export interface MessagesWrites {
  insertMessage(tx: WriteTx, message: NewMessage): void;
}

export type MessagesStore = MessagesReads & MessagesWrites;

export function createMessagesStore(db: SqliteDatabase): MessagesStore {
  const byId = db.prepare<[string], MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages t WHERE t.id = ?`);
  const byClient = db.prepare<[string, string], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages t WHERE t.sender_id = ? AND t.client_mutation_id = ?`,
  );
  const ids = db.prepare<[string], { id: string }>('SELECT id FROM messages WHERE conversation_id = ? ORDER BY created_at, seq');
  const visible = db.prepare<[string], MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages t WHERE t.conversation_id = ? AND t.kind = 'text' AND t.deleted = 0 ORDER BY t.created_at, t.seq`,
  );
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, sender_kind, sender_id, kind, body, meta, article_id, platform_only, created_at,
       client_mutation_id, attachments, seq)
     VALUES (@id, @conversationId, @senderKind, @senderId, @kind, @body, @meta, @articleId, @platformOnly, @createdAt,
       @clientMutationId, @attachments, @seq)`,
  );
  return {
    message: (id) => {
      const row = byId.get(id);
      return row ? toMessage(row) : null;
    },
    bySenderClientId: (senderId, clientId) => {
      const row = byClient.get(senderId, clientId);
      return row ? toMessage(row) : null;
    },
    idsOf: (conversationId) => ids.all(conversationId).map((r) => r.id),
    customerVisible: (conversationId) => visible.all(conversationId).map(toMessage),
    insertMessage: (tx, m) => {
      insert.run({
        id: m.id,
        conversationId: m.conversationId,
        senderKind: m.senderKind,
        senderId: m.senderId,
        kind: m.kind,
        body: m.body,
        meta: m.event ? JSON.stringify(m.event) : null,
        articleId: m.articleId,
        platformOnly: m.platformOnly ? 1 : 0,
        createdAt: m.createdAt,
        clientMutationId: m.clientMutationId,
        attachments: m.attachments?.length ? JSON.stringify(m.attachments) : null,
        seq: tx.stamp('messages'),
      });
    },
  };
}
