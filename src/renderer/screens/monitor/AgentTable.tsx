import { Button, Flex, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentFigures } from '../../../shared/api/monitor';
import { useNow } from '../../components/useNow';
import { AgentControls } from './AgentControls';
import { byNumber, formatDuration } from './format';
import { LiveTable } from './LiveTable';
import { useMonitor } from './monitorContext';

export const PRESENCE_COLOR = { online: 'green', busy: 'orange', away: 'gold', offline: 'default' } as const;

/** The agents of the lead's teams, live, with their capacity and presence controls. */
export function AgentTable({ focus, onChats }: { focus: string | null; onChats(agentId: string): void }) {
  const { t } = useTranslation();
  const agents = useMonitor((s) => s.agents);
  const now = useNow(1000);
  const columns: TableColumnsType<AgentFigures> = [
    { key: 'name', title: t('monitor.agents.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    {
      key: 'presence',
      title: t('monitor.agents.presence'),
      render: (_, a) => (
        <Tag color={PRESENCE_COLOR[a.presence]} data-testid="agent-presence">
          {t(`monitor.presence.${a.presence}`)}
        </Tag>
      ),
      sorter: (a, b) => a.presence.localeCompare(b.presence),
    },
    { key: 'inState', title: t('monitor.agents.inState'), render: (_, a) => formatDuration(now - a.presenceSince), sorter: byNumber((a) => -a.presenceSince) },
    { key: 'load', title: t('monitor.agents.load'), render: (_, a) => `${a.active} / ${a.capacity}`, sorter: byNumber((a) => (a.capacity ? a.active / a.capacity : a.active)) },
    { key: 'reply', title: t('monitor.agents.avgReply'), render: (_, a) => formatDuration(a.avgReplyIntervalMs), sorter: byNumber((a) => a.avgReplyIntervalMs) },
    { key: 'first', title: t('monitor.agents.firstResponse'), render: (_, a) => formatDuration(a.avgFirstResponseMs), sorter: byNumber((a) => a.avgFirstResponseMs) },
    { key: 'resolved', title: t('monitor.agents.resolved'), dataIndex: 'resolvedToday', sorter: byNumber((a) => a.resolvedToday) },
    { key: 'qc', title: t('monitor.agents.qcFlags'), dataIndex: 'openQcFlags', sorter: byNumber((a) => a.openQcFlags) },
    {
      key: 'actions',
      title: t('monitor.agents.actions'),
      render: (_, a) => (
        <Flex gap={6} align="center">
          <Button size="small" data-testid="agent-chats" onClick={() => onChats(a.agentId)}>
            {t('monitor.queues.chats')}
          </Button>
          <AgentControls agent={a} />
        </Flex>
      ),
    },
  ];
  return (
    <LiveTable
      testId="monitor-agents"
      rows={agents}
      rowKey="agentId"
      columns={columns}
      focus={focus}
      height={420}
      empty={t('monitor.agents.empty')}
      rowData={(a) => ({ 'data-agent': a.agentId })}
    />
  );
}
