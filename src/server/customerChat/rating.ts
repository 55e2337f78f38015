import type { ConversationsStore } from '../conversations/store';
import type { Writer } from '../db/writer';
import { Rejection } from '../mutations/rejection';

/**
 * The customer's satisfaction rating (CSAT, 1–5) of a finished conversation. Given once: the
 * rating is evidence for the agent's KPIs, so a customer cannot keep changing it.
 */
export class CsatRatings {
  constructor(private readonly deps: { writer: Writer; conversations: ConversationsStore }) {}

  rate(customerId: string, conversationId: string, csat: number): void {
    const { writer, conversations } = this.deps;
    writer.write((tx) => {
      const conversation = conversations.conversation(conversationId);
      if (!conversation || conversation.deleted || conversation.customerId !== customerId) {
        throw new Rejection('not_found', `no conversation ${conversationId}`);
      }
      if (conversation.status !== 'resolved' && conversation.status !== 'closed') {
        throw new Rejection('conflict', 'a conversation can be rated once it is resolved');
      }
      if (conversation.csat !== null) throw new Rejection('conflict', 'this conversation was already rated');
      conversations.updateConversation(tx, conversationId, { csat });
    });
  }
}
