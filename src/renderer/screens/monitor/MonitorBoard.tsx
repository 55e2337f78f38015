import { Button, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../app/shell';
import { errorKey } from '../../i18n/errorKey';
import { ReportsPanel } from './reports/ReportsPanel';
import { AgentTable } from './AgentTable';
import { AlertBanner } from './AlertBanner';
import { AlertSettingsDrawer } from './AlertSettingsDrawer';
import { ConversationsDrawer } from './ConversationsDrawer';
import { MonitorContext, useMonitor, type MonitorTarget } from './monitorContext';
import { createMonitorStore } from './monitorStore';
import { QcPanel } from './QcPanel';
import { QueueTable } from './QueueTable';
import { useAlertNotifications } from './useAlertNotifications';

// ECharts is large: its chunk loads only when the lead opens the charts tab.
const ChartsPanel = lazy(() => import('./charts/ChartsPanel'));

/** The monitor for leads and admins: live tables, alerts, interventions, charts, QC and reports. */
export function MonitorBoard() {
  const { rpc } = useShell();
  const [store] = useState(() => createMonitorStore(rpc));
  useEffect(() => store.getState().start(), [store]);
  return (
    <MonitorContext value={store}>
      <MonitorTabs />
    </MonitorContext>
  );
}

function MonitorTabs() {
  const { t } = useTranslation();
  const status = useMonitor((s) => s.status);
  const error = useMonitor((s) => s.error);
  const reload = useMonitor((s) => s.reload);
  const [tab, setTab] = useState('overview');
  const [settingsOpen, setSettingsOpen] = useState(false);
  /** the row an alert pointed at, highlighted until another is */
  const [focus, setFocus] = useState<MonitorTarget | null>(null);
  /** whose live chats the drawer lists */
  const [chatsOf, setChatsOf] = useState<MonitorTarget | null>(null);
  // Stable, so the table cells holding them need not be redrawn.
  const queueChats = useCallback((queueId: string) => setChatsOf({ queueId }), []);
  const agentChats = useCallback((agentId: string) => setChatsOf({ agentId }), []);
  const show = (target: MonitorTarget) => {
    setTab('overview');
    setFocus(target);
  };
  useAlertNotifications(show);

  if (status === 'loading') return <Spin data-testid="monitor-loading" />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        data-testid="monitor-error"
        title={t('monitor.loadError')}
        subTitle={t(errorKey(error))}
        extra={<Button onClick={() => void reload()}>{t('monitor.retry')}</Button>}
      />
    );
  }
  return (
    <LiveBoard>
      <AlertBanner onShow={show} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={
          <Button data-testid="alert-settings" onClick={() => setSettingsOpen(true)}>
            {t('monitor.alerts.settings')}
          </Button>
        }
        items={[
          {
            key: 'overview',
            label: t('monitor.tabs.overview'),
            children: (
              <Flex vertical gap={16}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('monitor.queues.title')}
                </Typography.Title>
                <QueueTable focus={focus?.queueId ?? null} onChats={queueChats} />
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('monitor.agents.title')}
                </Typography.Title>
                <AgentTable focus={focus?.agentId ?? null} onChats={agentChats} />
              </Flex>
            ),
          },
          {
            key: 'charts',
            label: t('monitor.tabs.charts'),
            children: (
              <Suspense fallback={<Spin tip={t('monitor.charts.loading')} />}>
                <ChartsPanel />
              </Suspense>
            ),
          },
          { key: 'qc', label: t('monitor.tabs.qc'), children: <QcPanel /> },
          { key: 'reports', label: t('monitor.tabs.reports'), children: <ReportsPanel /> },
        ]}
      />
      <AlertSettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <ConversationsDrawer target={chatsOf} onClose={() => setChatsOf(null)} />
    </LiveBoard>
  );
}

/**
 * The board, stamped with the server time of the figures shown (data-at: the benchmark times
 * server → DOM with it). Only this frame follows each delta; its children are the same elements,
 * so the tabs are not redrawn with it, only the tables whose rows changed.
 */
function LiveBoard({ children }: { children: ReactNode }) {
  const at = useMonitor((s) => s.at);
  return (
    <Flex vertical gap={12} data-testid="monitor-board" data-at={at}>
      {children}
    </Flex>
  );
}
