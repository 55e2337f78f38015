import type { ConversationSummary, MessageView } from '../../../shared/domain/workstation';

/** What a chat showed when last read in this window: shown at once when it opens again, then read afresh. */
export interface RememberedChat {
  conversation: ConversationSummary;
  messages: MessageView[];
  hasMore: boolean;
}

/** About as many chats as an agent has open at once, plus a few. */
const KEPT = 20;

// Per core client, so two windows (or two tests) never share what they remember.
const memories = new WeakMap<object, Map<string, RememberedChat>>();

/**
 * The last view of the chats opened in this window, so switching between tabs paints the chat at
 * once from memory while its read is on the way (which then replaces it). Only the latest page is
 * kept: older pages are read again by scrolling back.
 */
export function chatMemory(client: object) {
  let chats = memories.get(client);
  if (!chats) memories.set(client, (chats = new Map()));
  const kept = chats;
  return {
    recall: (conversationId: string): RememberedChat | null => kept.get(conversationId) ?? null,
    remember(conversationId: string, chat: RememberedChat) {
      // Map order is insertion order: the least recently read comes first and goes first.
      kept.delete(conversationId);
      kept.set(conversationId, chat);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    },
  };
}
