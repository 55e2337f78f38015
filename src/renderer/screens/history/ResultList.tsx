import { useVirtualizer } from '@tanstack/react-virtual';
import { Flex, Tag, Typography, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Names } from '../chat/eventText';
import type { ResultRow } from './groupHits';
import { Highlighted } from './Highlighted';

export interface ResultListProps {
  rows: ResultRow[];
  selected: number;
  names: Names;
  onOpen(index: number): void;
  /** the customer's name was clicked: show their timeline */
  onTimeline(customerId: string): void;
}

const when = (at: number) => new Date(at).toLocaleString([], { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/**
 * The hits grouped by conversation, virtualized (a 200-hit answer with its headers stays a
 * handful of DOM rows). The keyboard's hit is kept in view.
 */
export function ResultList({ rows, selected, names, onOpen, onTimeline }: ResultListProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]!.type === 'conversation' ? 40 : 48),
    overscan: 10,
    getItemKey: (i) => {
      const row = rows[i]!;
      return row.type === 'conversation' ? `c:${row.hit.conversationId}` : `h:${row.index}`;
    },
  });

  const selectedRow = rows.findIndex((row) => row.type === 'hit' && row.index === selected);
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: 'auto' });
  }, [selectedRow, virtualizer]);

  return (
    <div ref={scroller} data-testid="history-results" role="listbox" aria-label={t('historyView.results')} style={{ flex: 1, overflow: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const { hit } = row;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {row.type === 'conversation' ? (
                <Flex
                  data-testid="history-group"
                  data-conversation={hit.conversationId}
                  gap={8}
                  align="center"
                  style={{ padding: '10px 12px 4px', borderTop: item.index > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined }}
                >
                  <Typography.Link strong data-testid="group-customer" title={t('historyView.customerTimeline')} onClick={() => onTimeline(hit.customerId)}>
                    {hit.customerName ?? t('historyView.unknownCustomer')}
                  </Typography.Link>
                  <Tag>{t(`status.${hit.status}`)}</Tag>
                  <Typography.Text type="secondary">
                    {names.queue(hit.queueId)} · {t(`historyView.channel.${hit.channel}`)} · {when(hit.createdAt)}
                  </Typography.Text>
                </Flex>
              ) : (
                <div
                  data-testid="history-hit"
                  data-conversation={hit.conversationId}
                  data-message={hit.messageId ?? undefined}
                  role="option"
                  aria-selected={row.index === selected}
                  onClick={() => onOpen(row.index)}
                  style={{
                    cursor: 'pointer',
                    padding: '6px 12px 6px 24px',
                    background: row.index === selected ? token.controlItemBgActive : undefined,
                    borderLeft: `3px solid ${row.index === selected ? token.colorPrimary : 'transparent'}`,
                  }}
                >
                  <Typography.Text ellipsis style={{ width: '100%' }}>
                    {hit.kind === 'message' ? (
                      <Highlighted text={hit.snippet} ranges={hit.ranges} />
                    ) : hit.snippet ? (
                      <>
                        {t('historyView.matchedConversation')} <Highlighted text={hit.snippet} ranges={hit.ranges} />
                      </>
                    ) : (
                      <Typography.Text type="secondary">{t('historyView.openConversation')}</Typography.Text>
                    )}
                  </Typography.Text>
                  {hit.kind === 'message' && (
                    <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                      {when(hit.createdAt)}
                    </Typography.Text>
                  )}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
