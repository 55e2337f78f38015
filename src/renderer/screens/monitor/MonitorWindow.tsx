import { Empty, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/shell';
import { WindowFrame } from '../../components/WindowFrame';

/** The team lead's live view of queues and agents (filled by the metrics work). */
export function MonitorWindow() {
  const { t } = useTranslation();
  const role = useAppState((s) => s.session?.role);
  const allowed = role === 'lead' || role === 'admin';
  return (
    <WindowFrame testId="monitor-window" title={t('window.monitor')}>
      {allowed ? (
        <Empty data-testid="empty-monitor" description={t('monitor.empty')} />
      ) : (
        <Result data-testid="monitor-forbidden" status="403" title={t('monitor.forbidden')} />
      )}
    </WindowFrame>
  );
}
