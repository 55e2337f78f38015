import { replyIntervals, type ReplyInterval } from './kpis';

/** A customer or agent text message as the reply-interval figures read it. */
export interface TimedMessage {
  conversationId: string;
  senderKind: string;
  senderId: string | null;
  createdAt: number;
}

/** Reply intervals of messages sorted by conversation then time, conversation by conversation. */
export function agentReplies(messages: readonly TimedMessage[]): (ReplyInterval & { conversationId: string })[] {
  return [...groupBy(messages, (m: TimedMessage) => m.conversationId)].flatMap(([conversationId, list]) =>
    replyIntervals(list).map((r) => ({ ...r, conversationId })),
  );
}

export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
