import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, theme } from 'antd';
import { useEffect, useRef } from 'react';
import type { Summaries } from '../../state/conversationPatch';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';

const BLOCK = 50;

export interface ConversationListProps {
  /** every conversation of the list, in order */
  ids: readonly string[];
  /** the summaries read so far; a row without one shows as a blank line until it is read */
  summaries: Summaries;
  /** asks for the summaries of rows coming into view that have none yet */
  onWant(ids: string[]): void;
  activeId: string | null;
  onOpen(id: string): void;
  emptyText: string;
  /** the list's own height; the rows outside it are not rendered */
  height: number | string;
}

/**
 * A conversation list, virtualized over the list's ids: 10,000 rows cost what the visible twenty
 * do, and only the summaries of the rows in view (and a few either side) are read.
 */
export function ConversationList({ ids, summaries, onWant, activeId, onOpen, emptyText, height }: ConversationListProps) {
  const { token } = theme.useToken();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => ids[index]!,
    initialRect: { width: 280, height: typeof height === 'number' ? height : 600 },
  });
  const rows = virtualizer.getVirtualItems();
  // Read in blocks of BLOCK rows, the blocks within a screen of the view either way: scrolling seldom
  // meets a blank row, and asks the core once per block rather than once per row.
  const first = Math.floor(Math.max(0, (rows[0]?.index ?? 0) - rows.length) / BLOCK) * BLOCK;
  const last = Math.min(ids.length, Math.ceil(((rows.at(-1)?.index ?? 0) + rows.length + 1) / BLOCK) * BLOCK);
  useEffect(() => {
    const missing = ids.slice(first, last).filter((id) => !(id in summaries));
    if (missing.length > 0) onWant(missing);
  }, [ids, summaries, first, last, onWant]);

  if (ids.length === 0) {
    return <Empty data-testid="empty-conversations" image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  }
  return (
    <div ref={scroller} data-testid="conversation-list" style={{ height, overflow: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const conversation = summaries[ids[row.index]!];
          return (
            <div key={row.key} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}>
              {conversation ? (
                <ConversationRow conversation={conversation} active={conversation.id === activeId} onOpen={onOpen} />
              ) : (
                <div data-testid="conversation-row-pending" style={{ height: ROW_HEIGHT, borderBottom: `1px solid ${token.colorBorderSecondary}` }} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
