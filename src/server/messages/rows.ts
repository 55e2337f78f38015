import { z } from 'zod';
import { AttachmentRefSchema, ConversationEventSchema, type Message } from '../../shared/domain/conversations';
import { parseJson } from '../db/json';
import { defineSource, type BaseRow } from '../sync/source';

export interface MessageRow extends BaseRow {
  conversation_id: string;
  sender_kind: Message['senderKind'];
  sender_id: string | null;
  kind: Message['kind'];
  body: string;
  meta: string | null;
  article_id: string | null;
  created_at: number;
  attachments: string | null;
}

export const MESSAGE_COLUMNS = 't.id, t.seq, t.deleted, t.conversation_id, t.sender_kind, t.sender_id, t.kind, t.body, t.meta, t.article_id, t.created_at, t.attachments';

export function toMessage(r: MessageRow): Message {
  // meta is written by this server from ConversationEventSchema; re-checked so a bad value is dropped, not sent.
  const event = r.meta === null ? null : ConversationEventSchema.safeParse(parseJson<unknown>(r.meta, null));
  return {
    id: r.id,
    conversationId: r.conversation_id,
    senderKind: r.sender_kind,
    senderId: r.sender_id,
    kind: r.kind,
    body: r.body,
    event: event?.success ? event.data : null,
    articleId: r.article_id,
    createdAt: r.created_at,
    ...attachmentsOf(r.attachments),
  };
}

const AttachmentListSchema = z.array(AttachmentRefSchema).min(1);

/** The message's attachment list, when it has one (written by this server; re-checked like meta). */
function attachmentsOf(column: string | null): Pick<Message, 'attachments'> {
  if (column === null) return {};
  const parsed = AttachmentListSchema.safeParse(parseJson<unknown>(column, null));
  return parsed.success ? { attachments: parsed.data } : {};
}

export const messagesSource = defineSource({
  entity: 'messages',
  table: 'messages',
  columns: MESSAGE_COLUMNS,
  toData: (r: MessageRow) => toMessage(r),
});
