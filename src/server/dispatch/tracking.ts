import type { ConversationsStore } from '../conversations/store';

/**
 * Wraps the conversations store so every insert or update notes the conversation's id. Routing
 * looks at the noted conversations after each commit and brings the router in line with what was
 * committed, whichever feature changed them (customer chat, accept, resolve, transfer …), and
 * nothing that was rolled back reaches it.
 */
export function trackConversationChanges(store: ConversationsStore, changed: (conversationId: string) => void): ConversationsStore {
  return {
    ...store,
    insertConversation(tx, conversation) {
      store.insertConversation(tx, conversation);
      changed(conversation.id);
    },
    updateConversation(tx, id, patch) {
      store.updateConversation(tx, id, patch);
      changed(id);
    },
  };
}
