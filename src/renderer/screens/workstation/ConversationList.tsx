import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { useRef } from 'react';
import type { ConversationSummary } from '../../../shared/domain/workstation';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';

export interface ConversationListProps {
  conversations: ConversationSummary[];
  activeId: string | null;
  onOpen(id: string): void;
  emptyText: string;
  /** the list's own height; the rows outside it are not rendered */
  height: number | string;
}

/** A conversation list, virtualized: 10,000 rows cost what the visible twenty do. */
export function ConversationList({ conversations, activeId, onOpen, emptyText, height }: ConversationListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => conversations[index]!.id,
    initialRect: { width: 280, height: typeof height === 'number' ? height : 600 },
  });
  if (conversations.length === 0) {
    return <Empty data-testid="empty-conversations" image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  }
  return (
    <div ref={scroller} data-testid="conversation-list" style={{ height, overflow: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}>
            <ConversationRow conversation={conversations[row.index]!} active={conversations[row.index]!.id === activeId} onOpen={onOpen} />
          </div>
        ))}
      </div>
    </div>
  );
}
