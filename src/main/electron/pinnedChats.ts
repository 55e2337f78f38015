/** The state-store key holding the keys (`chat:<conversationId>`) of pop-out chats left pinned. */
export const PINNED_CHATS_KEY = 'pinned.chat';

// Only pinned chats are kept, newest last; an agent handles many chats a day, so the list is
// capped and the oldest pins are forgotten first.
const LIMIT = 200;

/** Reads what the store holds; anything hand-edited or corrupt counts as nothing pinned. */
export function parsePinnedChats(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((key): key is string => typeof key === 'string' && key.startsWith('chat:')).slice(-LIMIT);
}

/** The list after this chat was pinned or unpinned. */
export function withPinned(list: readonly string[], key: string, pinned: boolean): string[] {
  const others = list.filter((other) => other !== key);
  return (pinned ? [...others, key] : others).slice(-LIMIT);
}
