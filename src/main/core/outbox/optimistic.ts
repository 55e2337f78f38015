import type { MutationArgs, MutationName } from '../../../shared/api/mutations';
import type { AttachmentRef, Conversation, Message } from '../../../shared/domain/conversations';

/*
 * The local effect a write shows at once, before the server has answered. The server's rows
 * replace it when they arrive (the server wins); a rejection rolls it back.
 */

export function optimisticMessage(
  userId: string,
  conversationId: string,
  text: string,
  kind: 'text' | 'note',
  id: string,
  now: number,
  attachments: AttachmentRef[] = [],
): Message {
  const message: Message = { id, conversationId, senderKind: 'agent', senderId: userId, kind, body: text, event: null, articleId: null, createdAt: now };
  return attachments.length > 0 ? { ...message, attachments } : message;
}

/** The conversation as the user expects it after the write, or null when the write does not change it locally. */
export function patchedConversation<N extends MutationName>(
  name: N,
  args: MutationArgs<N>,
  conversation: Conversation,
  userId: string,
  now: number,
): Conversation | null {
  switch (name) {
    case 'conversations.accept':
      return { ...conversation, status: 'assigned', assigneeId: userId, assignedAt: now };
    case 'conversations.resolve':
      return { ...conversation, status: 'resolved', resolvedAt: now, category: (args as MutationArgs<'conversations.resolve'>).category };
    case 'conversations.reopen':
      return { ...conversation, status: conversation.assigneeId ? 'assigned' : 'queued', resolvedAt: null };
    case 'conversations.transfer': {
      const to = (args as MutationArgs<'conversations.transfer'>).to;
      if ('agentId' in to) return { ...conversation, assigneeId: to.agentId, status: 'assigned' };
      return { ...conversation, queueId: to.queueId, assigneeId: null, status: 'queued', queuedAt: now };
    }
    default:
      return null;
  }
}
