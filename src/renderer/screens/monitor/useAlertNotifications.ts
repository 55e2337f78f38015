import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/shell';
import { alertText } from './alertText';
import { useMonitor, useMonitorStore, type MonitorTarget } from './monitorContext';

/**
 * A system notification for each alert raised while the window is open (the Notification API, as
 * for offers: native in Electron, the browser's in browser mode); clicking it shows the row.
 */
export function useAlertNotifications(onShow: (target: MonitorTarget) => void): void {
  const { t } = useTranslation();
  const store = useMonitorStore();
  const raised = useMonitor((s) => s.lastRaised);
  const notifications = useAppState((s) => s.settings?.notifications ?? true);

  useEffect(() => {
    if (notifications && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined);
    }
  }, [notifications]);

  useEffect(() => {
    if (!raised || !notifications || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const { queues, agents } = store.getState();
    const note = new Notification(t('monitor.alerts.notifyTitle'), { body: alertText(raised, queues, agents, t), tag: `${raised.kind}|${raised.queueId ?? raised.agentId}` });
    note.onclick = () => {
      window.focus();
      onShow(raised.queueId ? { queueId: raised.queueId } : { agentId: raised.agentId ?? '' });
    };
    // Each raised alert notifies once: a new onShow or language does not raise it again.
  }, [raised, notifications]);
}
