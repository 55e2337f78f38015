import { Flex } from 'antd';
import { useMemo } from 'react';
import type { MessagePage } from '../../../shared/domain/workstation';
import type { ReviewQueueItem, ReviewVerdict } from '../../../shared/domain/reviews';
import { maskPii } from '../../../shared/text';
import { useCoreQuery } from '../../state/useCoreQuery';
import type { Names } from '../chat/eventText';
import { MessageThread } from '../chat/MessageThread';
import { VerdictBar } from './VerdictBar';

export interface ReviewConversationProps {
  item: ReviewQueueItem;
  names: Names;
  failRequested: number;
  onRecord(verdict: ReviewVerdict, ruleId: string | null, note: string): void;
}

const EMPTY: MessagePage = { messages: [], hasMore: false };
const noop = () => {};
/** A reviewed conversation is read whole; the cache answers from the set offline. */
const LIMIT = 500;

/** One conversation of the set, read-only (the chat window's thread, personal data masked), with the verdict bar under it. */
export function ReviewConversation({ item, names, failRequested, onRecord }: ReviewConversationProps) {
  const page = useCoreQuery(
    EMPTY,
    (rpc) => rpc.messages.list({ conversationId: item.conversationId, limit: LIMIT }),
    (rpc, again) => [
      rpc.on('messages.changed', ({ conversationIds }) => {
        if (conversationIds.includes(item.conversationId)) again();
      }),
    ],
    [item.conversationId],
  );
  const messages = useMemo(() => page.messages.map((m) => ({ ...m, body: maskPii(m.body) })), [page]);
  return (
    <Flex vertical flex={1} gap={8} data-testid="review-conversation" data-conversation={item.conversationId} style={{ minWidth: 0, minHeight: 0 }}>
      <MessageThread messages={messages} hasMore={false} names={names} onLoadOlder={noop} onRetry={noop} />
      <VerdictBar item={item} failRequested={failRequested} onRecord={onRecord} />
    </Flex>
  );
}
