import { Layout, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { totalUnread } from '../../state/workstationStore';
import { ChatArea } from './ChatArea';
import { CommandPalette } from './CommandPalette';
import { ConversationSider } from './ConversationSider';
import { CustomerSider } from './CustomerSider';
import { ShortcutSheet } from './ShortcutSheet';
import { useCacheResetNotice } from './useCacheResetNotice';
import { useFollowupAlerts } from './useFollowupAlerts';
import { useOfferAlerts } from './useOfferAlerts';
import { useWorkstationKeys } from './useWorkstationKeys';
import { useOwnWorkstationStore, useWorkstationStore, WorkstationContext } from './workstationContext';
import { WorkstationHeader } from './WorkstationHeader';

/** The agent's main window: header, conversations on the left, chats centre, customer right. */
export function WorkstationFrame() {
  const store = useOwnWorkstationStore();
  return (
    <WorkstationContext value={store}>
      <WorkstationLayout />
    </WorkstationContext>
  );
}

function WorkstationLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const border = `1px solid ${token.colorBorderSecondary}`;
  const [overlay, setOverlay] = useState<'palette' | 'shortcuts' | null>(null);
  const store = useWorkstationStore();
  const unread = useStore(store, totalUnread);
  // The taskbar shows the unread count even while the window is in the background.
  const title = `Seatdesk — ${t('window.workstation')}`;
  useDocumentTitle(unread > 0 ? `(${unread}) ${title}` : title);
  useOfferAlerts();
  useFollowupAlerts();
  useCacheResetNotice();
  const keys = useMemo(
    () => ({ palette: () => setOverlay('palette'), shortcuts: () => setOverlay('shortcuts'), step: (delta: 1 | -1) => store.getState().step(delta) }),
    [store],
  );
  useWorkstationKeys(keys);

  return (
    <Layout data-testid="workstation-frame" style={{ height: '100vh' }}>
      <WorkstationHeader />
      <Layout>
        <Layout.Sider theme="light" width={300} style={{ borderRight: border, overflow: 'hidden' }}>
          <ConversationSider />
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'hidden', minWidth: 0 }}>
          <ChatArea />
        </Layout.Content>
        <Layout.Sider theme="light" width={340} style={{ borderLeft: border, overflow: 'auto' }}>
          <CustomerSider />
        </Layout.Sider>
      </Layout>
      <CommandPalette open={overlay === 'palette'} onClose={() => setOverlay(null)} />
      <ShortcutSheet open={overlay === 'shortcuts'} onClose={() => setOverlay(null)} />
    </Layout>
  );
}
