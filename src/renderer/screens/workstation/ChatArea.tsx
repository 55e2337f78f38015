import { Empty, Flex, Tabs, Typography, Badge } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../app/shell';
import { tabIds } from '../../state/workstationStore';
import { ChatPane } from '../chat/ChatPane';
import { FailedWrites } from './FailedWrites';
import { OfferBar } from './OfferBar';
import { useWorkstation } from './workstationContext';

/** Centre: the offers and refused writes, then a tab per active chat (the agent's own, plus any opened from the lists). */
export function ChatArea() {
  const { t } = useTranslation();
  const { openWindow } = useShell();
  const mine = useWorkstation((s) => s.ids.mine);
  const extraTabs = useWorkstation((s) => s.extraTabs);
  const activeId = useWorkstation((s) => s.activeId);
  const open = useWorkstation((s) => s.open);
  const close = useWorkstation((s) => s.close);
  const tabs = tabIds({ ids: { mine }, extraTabs });

  return (
    <Flex vertical data-testid="chat-area" style={{ height: '100%' }}>
      <OfferBar />
      <FailedWrites />
      {tabs.length === 0 || !activeId ? (
        <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
          <Empty
            data-testid="empty-chats"
            description={
              <Flex vertical gap={4}>
                <Typography.Text>{t('workstation.noActiveChats')}</Typography.Text>
                <Typography.Text type="secondary">{t('workstation.keyboardHint')}</Typography.Text>
              </Flex>
            }
          />
        </Flex>
      ) : (
        <>
          <Tabs
            data-testid="chat-tabs"
            type="editable-card"
            hideAdd
            size="small"
            activeKey={activeId}
            onChange={open}
            onEdit={(key, action) => {
              if (action === 'remove' && typeof key === 'string') close(key);
            }}
            tabBarStyle={{ margin: '8px 16px 0' }}
            items={tabs.map((id) => ({
              key: id,
              // The agent's own active chats stay until resolved or transferred; others can be closed.
              closable: extraTabs.includes(id) && !mine.includes(id),
              label: <ChatTabLabel id={id} active={id === activeId} />,
            }))}
          />
          <div style={{ flex: 1, minHeight: 0 }}>
            <ChatPane key={activeId} conversationId={activeId} onPopOut={() => openWindow({ kind: 'chat', conversationId: activeId })} />
          </div>
        </>
      )}
    </Flex>
  );
}

/** A tab's customer and unread badge: it follows its own summary, so a message elsewhere leaves the chat area alone. */
const ChatTabLabel = memo(function ChatTabLabel({ id, active }: { id: string; active: boolean }) {
  const c = useWorkstation((s) => s.summaries[id]);
  return (
    <span data-testid="chat-tab" data-id={id} data-unread={c?.unread ?? 0}>
      {c?.customer?.name ?? id} <Badge count={active ? 0 : (c?.unread ?? 0)} size="small" />
    </span>
  );
});
