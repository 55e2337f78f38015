import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFigures } from '../../../shared/api/monitor';
import { ChatsButton } from './ChatsButton';
import { Elapsed } from './Elapsed';
import { byNumber, formatRate } from './format';
import { LiveTable, type LiveColumn } from './LiveTable';
import { useMonitor } from './monitorContext';
import { byName } from './namedRows';

/** The queues of the lead's teams, live: waiting, longest wait (ticking), rates, escalations. */
export function QueueTable({ focus, onChats }: { focus: string | null; onChats(queueId: string): void }) {
  const { t } = useTranslation();
  const queues = useMonitor((s) => s.queues);
  const columns = useMemo<LiveColumn<QueueFigures>[]>(
    () => [
      { key: 'name', title: t('monitor.queues.name'), render: (q) => q.name, sorter: byName },
      { key: 'waiting', title: t('monitor.queues.waiting'), render: (q) => q.waiting, sorter: byNumber((q) => q.waiting) },
      // the longest wait is the earliest queued time: sorted without reading the clock
      { key: 'longest', title: t('monitor.queues.longestWait'), render: (q) => <Elapsed since={q.oldestQueuedAt} />, sorter: byNumber((q) => (q.oldestQueuedAt === null ? null : -q.oldestQueuedAt)) },
      { key: 'active', title: t('monitor.queues.active'), render: (q) => q.active, sorter: byNumber((q) => q.active) },
      { key: 'p15', title: t('monitor.queues.pickup15'), render: (q) => formatRate(q.pickup30.last15m.rate), sorter: byNumber((q) => q.pickup30.last15m.rate) },
      { key: 'pToday', title: t('monitor.queues.pickupToday'), render: (q) => formatRate(q.pickup30.today.rate), sorter: byNumber((q) => q.pickup30.today.rate) },
      { key: 'm2', title: t('monitor.queues.merchant2m'), render: (q) => (q.merchant ? formatRate(q.merchant.pickup2m.rate) : '—'), sorter: byNumber((q) => q.merchant?.pickup2m.rate ?? null) },
      { key: 'm5', title: t('monitor.queues.merchant5m'), render: (q) => (q.merchant ? formatRate(q.merchant.reply5m.rate) : '—'), sorter: byNumber((q) => q.merchant?.reply5m.rate ?? null) },
      { key: 'esc', title: t('monitor.queues.escalated'), render: (q) => q.escalatedToday, sorter: byNumber((q) => q.escalatedToday) },
      { key: 'chats', title: t('monitor.queues.chats'), render: (q) => <ChatsButton testId="queue-chats" onClick={() => onChats(q.queueId)} /> },
    ],
    [t, onChats],
  );
  return (
    <LiveTable
      testId="monitor-queues"
      rows={queues}
      rowKey="queueId"
      columns={columns}
      focus={focus}
      height={360}
      empty={t('monitor.queues.empty')}
      rowData={queueData}
    />
  );
}

/** A stable function: the rows are memoised on it. */
const queueData = (q: QueueFigures) => ({ 'data-queue': q.queueId, 'data-waiting': q.waiting });
