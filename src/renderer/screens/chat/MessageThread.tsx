import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Divider, Empty, Flex, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../shared/domain/workstation';
import type { Names } from './eventText';
import { MessageItem } from './MessageItem';

export interface MessageThreadProps {
  messages: MessageView[];
  hasMore: boolean;
  names: Names;
  onLoadOlder(): void;
  onRetry(messageId: string): void;
  /** a message to scroll to and mark (the history window's search match); the thread then stops following new ones */
  focusId?: string | null;
}

/** a one-line message with its meta line; measured rows replace it */
const ESTIMATED_ROW = 72;

// One formatter for all rows (as toLocaleDateString() formats, without building one per call).
const dayFormat = new Intl.DateTimeFormat();
const day = (at: number) => dayFormat.format(at);

/**
 * The conversation's messages, virtualized (only the rows in view are in the DOM, so a thread of
 * 10,000 stays fast). It follows new messages while the reader is at the bottom and stays put
 * when they have scrolled back to read.
 */
export function MessageThread({ messages, hasMore, names, onLoadOlder, onRetry, focusId = null }: MessageThreadProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 8,
    getItemKey: (index) => messages[index]!.id,
    // The first frame already shows the newest messages (where the thread opens), not the oldest
    // rows loaded then moved away from: one render and one measuring pass less on opening a chat.
    initialOffset: () => (focusId ? 0 : messages.length * ESTIMATED_ROW),
  });
  const lastId = messages.at(-1)?.id;

  useEffect(() => {
    if (atBottom.current && messages.length > 0) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [lastId, messages.length, virtualizer]);

  const focusIndex = focusId ? messages.findIndex((m) => m.id === focusId) : -1;
  useEffect(() => {
    if (focusIndex < 0) return;
    atBottom.current = false;
    virtualizer.scrollToIndex(focusIndex, { align: 'center' });
  }, [focusIndex, virtualizer]);

  if (messages.length === 0) {
    return (
      <Flex flex={1} align="center" justify="center">
        <Empty data-testid="empty-messages" description={t('chat.empty')} />
      </Flex>
    );
  }

  return (
    <div
      ref={scroller}
      data-testid="message-thread"
      style={{ flex: 1, overflow: 'auto', contain: 'strict' }}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      }}
    >
      {hasMore && (
        <Flex justify="center" style={{ padding: 8 }}>
          <Button size="small" data-testid="load-older" onClick={onLoadOlder}>
            {t('thread.loadOlder')}
          </Button>
        </Flex>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {/* Items show the time of day; a line names the date wherever it changes. */}
            {(row.index === 0 || day(messages[row.index - 1]!.createdAt) !== day(messages[row.index]!.createdAt)) && (
              <Divider plain data-testid="thread-day" style={{ margin: '8px 0', fontSize: token.fontSizeSM }}>
                {day(messages[row.index]!.createdAt)}
              </Divider>
            )}
            <div
              data-focused={row.index === focusIndex || undefined}
              style={row.index === focusIndex ? { outline: `2px solid ${token.colorPrimary}`, outlineOffset: -2, borderRadius: token.borderRadiusLG } : undefined}
            >
              <MessageItem message={messages[row.index]!} names={names} onRetry={onRetry} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
