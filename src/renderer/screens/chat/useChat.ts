import { useCallback, useMemo, useRef, useState } from 'react';
import type { ConversationSummary, MessageView } from '../../../shared/domain/workstation';
import { useShell } from '../../app/shell';
import { useCoreRefresh } from '../../state/useCoreQuery';
import { chatMemory } from './chatMemory';
import { withOlder } from './withOlder';

export interface ChatView {
  conversation: ConversationSummary | null;
  messages: MessageView[];
  hasMore: boolean;
  /** the conversation is not in this workstation's cache (or not visible to the user) */
  missing: boolean;
  loadOlder(): Promise<void>;
}

/** Older messages come this many at a time (scrolling back). */
const PAGE = 200;
/**
 * The latest messages, read on opening and after each change: a screen holds about fifteen, so
 * fifty fill it with room to scroll while the read stays small (a chat of 5,000 opens as fast as one of 50).
 */
const LATEST = 50;

/**
 * One conversation and its latest messages, read from the core and read again whenever the core
 * says this conversation or its messages changed. Every window showing the chat does the same,
 * so they agree without talking to each other. A change to the conversation alone (read mark,
 * status) reads its summary, not its messages.
 */
export function useChat(conversationId: string): ChatView {
  const { rpc } = useShell();
  const memory = useMemo(() => chatMemory(rpc), [rpc]);
  // Opened before in this window: shown at once as it was, while the read below is on the way.
  const [recalled] = useState(() => memory.recall(conversationId));
  const [conversation, setConversation] = useState<ConversationSummary | null>(recalled?.conversation ?? null);
  const [messages, setMessages] = useState<MessageView[]>(recalled?.messages ?? []);
  const [hasMore, setHasMore] = useState(recalled?.hasMore ?? false);
  const [missing, setMissing] = useState(false);
  const olderLoaded = useRef(false);
  // The messages as last set, for merging a read into without waiting for React to render them.
  const shown = useRef<MessageView[]>(recalled?.messages ?? []);
  const show = (next: MessageView[]) => {
    shown.current = next;
    setMessages(next);
  };
  // What the events since the last read said changed; both on opening and after a relink.
  const stale = useRef({ conversation: true, messages: true });

  useCoreRefresh(
    async (core, live) => {
      const { conversation: readConversation, messages: readMessages } = stale.current;
      // A relink names nothing: read both.
      const both = readConversation === readMessages;
      stale.current = { conversation: false, messages: false };
      try {
        const [summary, page] = await Promise.all([
          readConversation || both ? core.conversations.get({ conversationId }) : null,
          readMessages || both ? core.messages.list({ conversationId, limit: LATEST }) : null,
        ]);
        if (!live()) return;
        if (summary) setConversation(summary);
        if (summary && page) memory.remember(conversationId, { conversation: summary, messages: page.messages, hasMore: page.hasMore });
        if (page) {
          const next = withOlder(shown.current, page.messages);
          // More came at once than the page holds: the older ones shown are dropped, read again by scrolling back.
          if (next.length === page.messages.length) olderLoaded.current = false;
          show(next);
          // Once older pages are loaded, whether still older ones exist is theirs to say.
          if (!olderLoaded.current) setHasMore(page.hasMore);
        }
        setMissing(false);
      } catch {
        if (live()) setMissing(true);
      }
    },
    (core, again) => [
      // A new message comes as conversations.changed then messages.changed (one batch): the first
      // waits the short pause, the second reads both at once — the open chat is watched live.
      core.on('conversations.changed', ({ ids }) => {
        if (!ids.includes(conversationId)) return;
        stale.current.conversation = true;
        again();
      }),
      core.on('messages.changed', ({ conversationIds }) => {
        if (!conversationIds.includes(conversationId)) return;
        // The summary's unread count and last message move with the messages.
        stale.current = { conversation: true, messages: true };
        again.now();
      }),
      core.on('entities.changed', ({ entities }) => {
        if (!entities.includes('customers')) return;
        stale.current.conversation = true;
        again();
      }),
    ],
    [conversationId],
  );

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!first || !hasMore) return;
    const page = await rpc.messages.list({ conversationId, before: first.id, limit: PAGE });
    olderLoaded.current = true;
    show([...page.messages, ...shown.current]);
    setHasMore(page.hasMore);
  }, [rpc, conversationId, messages, hasMore]);

  return { conversation, messages, hasMore, missing, loadOlder };
}
