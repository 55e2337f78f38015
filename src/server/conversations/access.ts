import type { WriteTx } from '../db/writer';
import type { CustomersReads } from '../customers/store';
import type { MessagesReads } from '../messages/store';
import type { Restamper } from '../sync/restamp';
import type { ConversationsReads } from './store';

/**
 * "Gaining access" (docs/sync-protocol.md): when someone new may see a conversation (a transfer,
 * an accept, a queue change, a lead joining a team), its rows get fresh seqs in the same
 * transaction, so the new viewer's next pull brings the whole history. Parents first: the
 * customer and their orders, then the conversation, then its messages in timeline order.
 */
export class AccessGranter {
  constructor(
    private readonly deps: {
      conversations: ConversationsReads;
      messages: MessagesReads;
      customers: CustomersReads;
      restamper: Restamper;
    },
  ) {}

  /** The customer and their orders become visible with a conversation: re-stamp them. */
  grantCustomer(tx: WriteTx, customerId: string): void {
    const { restamper, customers } = this.deps;
    restamper.restamp(tx, 'customers', [customerId]);
    restamper.restamp(tx, 'orders', customers.orderIdsOf(customerId));
  }

  grantConversation(tx: WriteTx, conversationId: string): void {
    const { restamper, conversations, messages } = this.deps;
    const conversation = conversations.conversation(conversationId);
    if (!conversation) return;
    this.grantCustomer(tx, conversation.customerId);
    restamper.restamp(tx, 'conversations', [conversationId]);
    restamper.restamp(tx, 'messages', messages.idsOf(conversationId));
  }
}
