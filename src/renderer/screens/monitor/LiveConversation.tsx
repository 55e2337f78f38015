import { App, Button, Flex, Input, Result, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RpcError } from '../../../shared/rpc/errors';
import { maskPii } from '../../../shared/text';
import { useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';
import type { Names } from '../chat/eventText';
import { MessageThread } from '../chat/MessageThread';
import { useChat } from '../chat/useChat';
import { useMonitor } from './monitorContext';
import { useIntervention } from './useIntervention';

const noRetry = () => {};

/**
 * A live conversation as the lead sees it: the thread read-only (personal data masked), a whisper
 * to the agent, take over, reassign to an agent (with their load), move a waiting one to a queue.
 */
export function LiveConversation({ conversationId, onBack }: { conversationId: string; onBack(): void }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const { message } = App.useApp();
  const report = useReportError();
  const intervene = useIntervention();
  const chat = useChat(conversationId);
  const queues = useMonitor((s) => s.queues);
  const agents = useMonitor((s) => s.agents);
  const [note, setNote] = useState('');
  const names: Names = useMemo(
    () => ({
      agent: (id) => (id ? (agents.find((a) => a.agentId === id)?.name ?? id) : t('thread.nobody')),
      queue: (id) => queues.find((q) => q.queueId === id)?.name ?? id,
    }),
    [agents, queues, t],
  );
  const messages = useMemo(() => chat.messages.map((m) => ({ ...m, body: maskPii(m.body) })), [chat.messages]);
  const conversation = chat.conversation;

  if (chat.missing || !conversation) return <Result status="info" title={t('monitor.live.missing')} extra={<Button onClick={onBack}>{t('monitor.live.done')}</Button>} />;

  const whisper = async () => {
    try {
      await rpc.monitor.whisper({ conversationId, text: note });
      setNote('');
      void message.success(t('monitor.live.whispered'));
    } catch (error) {
      report(error);
    }
  };
  const reassign = async (agentId: string) => {
    const agent = agents.find((a) => a.agentId === agentId)?.name ?? agentId;
    try {
      await rpc.monitor.reassign({ conversationId, agentId });
    } catch (error) {
      // At capacity: the lead may still insist, after a second confirm.
      if (!(error instanceof RpcError && error.code === 'conflict')) throw error;
      await intervene(t('monitor.confirm.atCapacity', { agent }), () => rpc.monitor.reassign({ conversationId, agentId, force: true }));
    }
  };

  return (
    <Flex vertical gap={12} style={{ height: '100%' }} data-testid="live-conversation" data-conversation={conversationId} data-status={conversation.status} data-assignee={conversation.assigneeId ?? ''}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>
          {conversation.customer?.name ?? conversation.customerId} <Tag>{t(`status.${conversation.status}`)}</Tag> {names.agent(conversation.assigneeId)}
        </Typography.Text>
        <Button size="small" onClick={onBack}>
          {t('monitor.live.done')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('monitor.live.title')}</Typography.Text>
      <Flex vertical style={{ flex: 1, minHeight: 320 }}>
        <MessageThread messages={messages} hasMore={chat.hasMore} names={names} onLoadOlder={() => void chat.loadOlder()} onRetry={noRetry} />
      </Flex>
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={5000}
          value={note}
          placeholder={t('monitor.live.whisperPlaceholder')}
          data-testid="whisper-input"
          onChange={(e) => setNote(e.target.value)}
        />
        <Button disabled={note.trim() === ''} data-testid="whisper-send" onClick={() => void whisper()}>
          {t('monitor.live.whisper')}
        </Button>
      </Space.Compact>
      <Flex gap={8} wrap>
        <Button type="primary" data-testid="takeover" onClick={() => void intervene(t('monitor.confirm.takeover'), () => rpc.monitor.takeover({ conversationId }))}>
          {t('monitor.live.takeover')}
        </Button>
        <Select
          style={{ minWidth: 220 }}
          placeholder={t('monitor.live.reassignTo')}
          data-testid="reassign-select"
          // a lead picks one of up to a thousand agents: typed, not scrolled to
          showSearch
          optionFilterProp="label"
          value={null}
          options={agents.map((a) => ({ value: a.agentId, label: `${a.name} (${a.active}/${a.capacity})`, disabled: a.agentId === conversation.assigneeId }))}
          onChange={(agentId: string) =>
            void intervene(t('monitor.confirm.reassign', { agent: names.agent(agentId) }), () => reassign(agentId))
          }
        />
        {conversation.status === 'queued' && (
          <Select
            style={{ minWidth: 200 }}
            placeholder={t('monitor.live.moveTo')}
            data-testid="move-select"
            value={null}
            options={queues.filter((q) => q.queueId !== conversation.queueId).map((q) => ({ value: q.queueId, label: q.name }))}
            onChange={(queueId: string) =>
              void intervene(t('monitor.confirm.move', { queue: names.queue(queueId) }), () => rpc.monitor.moveQueued({ conversationIds: [conversationId], toQueueId: queueId }))
            }
          />
        )}
      </Flex>
    </Flex>
  );
}
