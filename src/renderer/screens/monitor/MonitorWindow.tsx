import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/shell';
import { WindowFrame } from '../../components/WindowFrame';
import { MonitorBoard } from './MonitorBoard';

/** The team lead's live view of queues and agents; agents get the 403 view (the core refuses them too). */
export function MonitorWindow() {
  const { t } = useTranslation();
  const role = useAppState((s) => s.session?.role);
  const allowed = role === 'lead' || role === 'admin';
  return (
    <WindowFrame testId="monitor-window" title={t('window.monitor')}>
      {allowed ? <MonitorBoard /> : <Result data-testid="monitor-forbidden" status="403" title={t('monitor.forbidden')} />}
    </WindowFrame>
  );
}
