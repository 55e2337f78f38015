import { Button, Drawer, Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../shared/domain/workstation';
import { maskPii } from '../../../shared/text';
import { useCoreQuery } from '../../state/useCoreQuery';
import { LiveConversation } from './LiveConversation';
import type { MonitorTarget } from './monitorContext';

/** The live conversations of a queue or an agent (from the lead's cache); one opens read-only with the interventions. */
export function ConversationsDrawer({ target, onClose }: { target: MonitorTarget | null; onClose(): void }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const conversations = useCoreQuery<ConversationSummary[]>(
    [],
    (rpc) => (target ? rpc.monitor.conversations(target.queueId ? { queueId: target.queueId } : { agentId: target.agentId }) : null),
    (rpc, again) => [rpc.on('conversations.changed', again)],
    [target?.queueId, target?.agentId],
  );
  const close = () => {
    setOpenId(null);
    onClose();
  };
  return (
    <Drawer open={target !== null} onClose={close} width={openId ? 760 : 480} title={t('monitor.conversations.title')} data-testid="monitor-conversations" destroyOnHidden>
      {openId ? (
        <LiveConversation conversationId={openId} onBack={() => setOpenId(null)} />
      ) : conversations.length === 0 ? (
        <Empty description={t('monitor.conversations.empty')} />
      ) : (
        <List
          dataSource={conversations}
          renderItem={(c) => (
            <List.Item
              data-testid="monitor-conversation"
              data-conversation={c.id}
              actions={[
                <Button key="open" size="small" data-testid="monitor-open-conversation" onClick={() => setOpenId(c.id)}>
                  {t('monitor.conversations.open')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {c.customer?.name ?? c.customerId} <Tag>{t(`status.${c.status}`)}</Tag>
                  </>
                }
                description={<Typography.Text ellipsis>{c.lastMessage ? maskPii(c.lastMessage.body) : ''}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
