import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { alertText } from './alertText';
import { useMonitor, type MonitorTarget } from './monitorContext';
import { alertKey } from './monitorStore';

/** The alerts standing now, one banner line each, with a link to the queue or agent row. */
export function AlertBanner({ onShow }: { onShow(target: MonitorTarget): void }) {
  const { t } = useTranslation();
  const alerts = useMonitor((s) => s.alerts);
  const queues = useMonitor((s) => s.queues);
  const agents = useMonitor((s) => s.agents);
  if (alerts.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="alert-banner" role="alert">
      {alerts.map((alert) => (
        <Alert
          key={alertKey(alert)}
          type="warning"
          showIcon
          data-testid="monitor-alert"
          data-kind={alert.kind}
          message={alertText(alert, queues, agents, t)}
          action={
            <Button size="small" type="link" onClick={() => onShow(alert.queueId ? { queueId: alert.queueId } : { agentId: alert.agentId ?? '' })}>
              {t('monitor.alerts.show')}
            </Button>
          }
        />
      ))}
    </Flex>
  );
}
