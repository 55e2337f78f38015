import { useCallback, useRef, useState } from 'react';
import type { ConversationSummary, MessageView } from '../../../shared/domain/workstation';
import { useShell } from '../../app/shell';
import { useCoreRefresh } from '../../state/useCoreQuery';
import { withOlder } from './withOlder';

export interface ChatView {
  conversation: ConversationSummary | null;
  messages: MessageView[];
  hasMore: boolean;
  /** the conversation is not in this workstation's cache (or not visible to the user) */
  missing: boolean;
  loadOlder(): Promise<void>;
}

const PAGE = 200;

/**
 * One conversation and its latest messages, read from the core and read again whenever the core
 * says this conversation or its messages changed. Every window showing the chat does the same,
 * so they agree without talking to each other.
 */
export function useChat(conversationId: string): ChatView {
  const { rpc } = useShell();
  const [conversation, setConversation] = useState<ConversationSummary | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [missing, setMissing] = useState(false);
  const olderLoaded = useRef(false);

  useCoreRefresh(
    async (core, live) => {
      try {
        const [summary, page] = await Promise.all([core.conversations.get({ conversationId }), core.messages.list({ conversationId, limit: PAGE })]);
        if (!live()) return;
        setConversation(summary);
        setMessages((current) => withOlder(current, page.messages));
        // Once older pages are loaded, whether still older ones exist is theirs to say.
        if (!olderLoaded.current) setHasMore(page.hasMore);
        setMissing(false);
      } catch {
        if (live()) setMissing(true);
      }
    },
    (core, again) => [
      core.on('conversations.changed', ({ ids }) => {
        if (ids.includes(conversationId)) again();
      }),
      core.on('messages.changed', ({ conversationIds }) => {
        if (conversationIds.includes(conversationId)) again();
      }),
      core.on('entities.changed', ({ entities }) => {
        if (entities.includes('customers')) again();
      }),
    ],
    [conversationId],
  );

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!first || !hasMore) return;
    const page = await rpc.messages.list({ conversationId, before: first.id, limit: PAGE });
    olderLoaded.current = true;
    setMessages((current) => [...page.messages, ...current]);
    setHasMore(page.hasMore);
  }, [rpc, conversationId, messages, hasMore]);

  return { conversation, messages, hasMore, missing, loadOlder };
}
