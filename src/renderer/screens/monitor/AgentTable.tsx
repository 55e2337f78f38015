import { Flex, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentFigures } from '../../../shared/api/monitor';
import { AgentControls } from './AgentControls';
import { ChatsButton } from './ChatsButton';
import { Elapsed } from './Elapsed';
import { byNumber, formatDuration } from './format';
import { LiveTable, type LiveColumn } from './LiveTable';
import { useMonitor } from './monitorContext';
import { byName } from './namedRows';

export const PRESENCE_COLOR = { online: 'green', busy: 'orange', away: 'gold', offline: 'default' } as const;

/** The agents of the lead's teams, live, with their capacity and presence controls. */
export function AgentTable({ focus, onChats }: { focus: string | null; onChats(agentId: string): void }) {
  const { t } = useTranslation();
  const agents = useMonitor((s) => s.agents);
  const columns = useMemo<LiveColumn<AgentFigures>[]>(
    () => [
      { key: 'name', title: t('monitor.agents.name'), render: (a) => a.name, sorter: byName },
      {
        key: 'presence',
        title: t('monitor.agents.presence'),
        render: (a) => <PresenceTag presence={a.presence} />,
        sorter: (a, b) => a.presence.localeCompare(b.presence),
      },
      // longest in state first when descending: the earliest change
      { key: 'inState', title: t('monitor.agents.inState'), render: (a) => <Elapsed since={a.presenceSince} />, sorter: byNumber((a) => -a.presenceSince) },
      { key: 'load', title: t('monitor.agents.load'), render: (a) => `${a.active} / ${a.capacity}`, sorter: byNumber((a) => (a.capacity ? a.active / a.capacity : a.active)) },
      { key: 'reply', title: t('monitor.agents.avgReply'), render: (a) => formatDuration(a.avgReplyIntervalMs), sorter: byNumber((a) => a.avgReplyIntervalMs) },
      { key: 'first', title: t('monitor.agents.firstResponse'), render: (a) => formatDuration(a.avgFirstResponseMs), sorter: byNumber((a) => a.avgFirstResponseMs) },
      { key: 'resolved', title: t('monitor.agents.resolved'), render: (a) => a.resolvedToday, sorter: byNumber((a) => a.resolvedToday) },
      { key: 'qc', title: t('monitor.agents.qcFlags'), render: (a) => a.openQcFlags, sorter: byNumber((a) => a.openQcFlags) },
      {
        key: 'actions',
        title: t('monitor.agents.actions'),
        render: (a) => (
          <Flex gap={6} align="center">
            <ChatsButton testId="agent-chats" onClick={() => onChats(a.agentId)} />
            <AgentControls agent={a} />
          </Flex>
        ),
      },
    ],
    [t, onChats],
  );
  return (
    <LiveTable
      testId="monitor-agents"
      rows={agents}
      rowKey="agentId"
      columns={columns}
      focus={focus}
      height={420}
      empty={t('monitor.agents.empty')}
      rowData={agentData}
    />
  );
}

/** A stable function: the rows are memoised on it. */
const agentData = (a: AgentFigures) => ({ 'data-agent': a.agentId });

function PresenceTag({ presence }: { presence: AgentFigures['presence'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={PRESENCE_COLOR[presence]} data-testid="agent-presence">
      {t(`monitor.presence.${presence}`)}
    </Tag>
  );
}
