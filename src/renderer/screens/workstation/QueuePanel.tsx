import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/useNow';
import { useWorkstation } from './workstationContext';
import { formatCountdown } from './sla';

/** The queues of the agent's teams: how many wait and for how long the longest has waited. */
export function QueuePanel() {
  const { t } = useTranslation();
  const queues = useWorkstation((s) => s.queues);
  const now = useNow();
  if (queues.length === 0) return <Empty data-testid="empty-queues" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workstation.queuesEmpty')} />;
  return (
    <Flex vertical gap={4} data-testid="queue-panel">
      {queues.map((queue) => (
        <Flex key={queue.id} justify="space-between" align="center" data-testid="queue-row" data-queue={queue.id}>
          <Typography.Text ellipsis>{queue.name}</Typography.Text>
          <Flex gap={4}>
            <Tag color={queue.waiting > 0 ? 'blue' : undefined} data-testid="queue-waiting">
              {t('queue.waiting', { count: queue.waiting })}
            </Tag>
            {queue.longestWaitSince !== null && <Tag color="orange">{t('queue.longest', { time: formatCountdown(now - queue.longestWaitSince) })}</Tag>}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
