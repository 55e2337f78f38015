import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Flex, theme, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../shared/domain/reviews';
import { maskPii } from '../../../shared/text';
import type { Names } from '../chat/eventText';
import { VerdictTag } from './VerdictTag';

export interface ReviewListProps {
  items: ReviewQueueItem[];
  selected: number;
  names: Names;
  onSelect(index: number): void;
}

/** The set's conversations, virtualized (a set of 10,000 keeps a handful of DOM rows); the keyboard's row is kept in view. */
export function ReviewList({ items, selected, names, onSelect }: ReviewListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 10,
    getItemKey: (i) => items[i]!.conversationId,
  });
  useEffect(() => {
    if (items.length > 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, items.length, virtualizer]);

  if (items.length === 0) return <Empty data-testid="review-empty" description={t('review.empty')} style={{ width: 320 }} />;
  return (
    <div ref={scroller} data-testid="review-list" role="listbox" style={{ width: 320, minWidth: 320, overflow: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          const active = row.index === selected;
          return (
            <Flex
              key={row.key}
              vertical
              data-testid="review-item"
              data-conversation={item.conversationId}
              data-verdict={item.verdict?.verdict ?? ''}
              data-state={item.verdict?.state ?? ''}
              role="option"
              aria-selected={active}
              onClick={() => onSelect(row.index)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: 64,
                transform: `translateY(${row.start}px)`,
                padding: '6px 10px',
                cursor: 'pointer',
                borderBottom: `1px solid ${token.colorBorderSecondary}`,
                background: active ? token.colorPrimaryBg : undefined,
              }}
            >
              <Flex justify="space-between" gap={4}>
                <Typography.Text ellipsis>{item.customerName ? maskPii(item.customerName) : item.conversationId}</Typography.Text>
                <VerdictTag item={item} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {new Date(item.createdAt).toLocaleString()} · {names.agent(item.assigneeId)} · {t('review.messages', { count: item.messages })}
                {item.qcFlags > 0 ? ` · ${t('review.flags', { count: item.qcFlags })}` : ''}
              </Typography.Text>
            </Flex>
          );
        })}
      </div>
    </div>
  );
}
