import type { ConversationsStore } from '../conversations/store';

/**
 * Conversations changed since each follower last looked. Features that keep an in-memory picture
 * of the open conversations (routing, the SLA timers) each take a set with follow() and empty it
 * after every commit, comparing what changed with the database: one follower's pace never hides a
 * change from another, and nothing that was rolled back is believed (they read what committed).
 */
export class ConversationChanges {
  private readonly followers: Set<string>[] = [];

  follow(): Set<string> {
    const changed = new Set<string>();
    this.followers.push(changed);
    return changed;
  }

  readonly note = (conversationId: string): void => {
    for (const changed of this.followers) changed.add(conversationId);
  };
}

/**
 * Wraps the conversations store so every insert or update notes the conversation's id, whichever
 * feature changed it (customer chat, accept, resolve, transfer, escalation …).
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
