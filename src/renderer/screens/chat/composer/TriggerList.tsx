import { Empty, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';

export interface TriggerItem {
  key: string;
  title: string;
  /** the shortcut or category shown before the title */
  badge: string;
  preview: string;
}

/** The list a "/" or "#" opens above the composer; the composer's keys move through it. */
export function TriggerList({ items, selected, onPick, empty, testId }: { items: TriggerItem[]; selected: number; onPick(index: number): void; empty: ReactNode; testId: string }) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid={testId}
      role="listbox"
      style={{
        position: 'absolute',
        bottom: '100%',
        left: 0,
        right: 0,
        maxHeight: 280,
        overflow: 'auto',
        background: token.colorBgElevated,
        boxShadow: token.boxShadowSecondary,
        borderRadius: token.borderRadiusLG,
        zIndex: 10,
      }}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        items.map((item, index) => (
          <Flex
            key={item.key}
            vertical
            role="option"
            aria-selected={index === selected}
            data-testid="trigger-option"
            onMouseDown={(e) => {
              // Keep the textarea's focus and caret: pick on mouse down, before blur.
              e.preventDefault();
              onPick(index);
            }}
            style={{ padding: '6px 12px', cursor: 'pointer', background: index === selected ? token.colorPrimaryBg : undefined }}
          >
            <Typography.Text strong ellipsis>
              <Typography.Text code>{item.badge}</Typography.Text> {item.title}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: token.fontSizeSM }}>
              {item.preview}
            </Typography.Text>
          </Flex>
        ))
      )}
    </div>
  );
}
