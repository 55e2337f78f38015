import { Layout, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../app/shell';
import { AppHeader } from '../../components/AppHeader';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ShortcutSheet } from '../workstation/ShortcutSheet';
import { isSheetKey } from '../workstation/useWorkstationKeys';
import { useOwnWorkstationStore, WorkstationContext } from '../workstation/workstationContext';
import { ChatPane } from './ChatPane';
import { PinButton } from './PinButton';

/**
 * A conversation popped out into its own window. It reads the core like the workstation does and
 * hears the same events, so the two show the same messages, state and draft both ways.
 */
export function ChatWindow({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const store = useOwnWorkstationStore();
  // the platform decides whether this window can be pinned (Electron only, not a browser tab)
  const { windowPin } = useShell();
  // The customer's name, once the chat has loaded, tells the windows apart in the taskbar. The
  // title changes with the language too, so it is set again after the app's own title.
  const [customer, setCustomer] = useState<string | null>(null);
  useDocumentTitle(`Seatdesk — ${customer ? `${t('window.chat')}: ${customer}` : t('chat.title', { id: conversationId })}`);
  const [sheet, setSheet] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSheetKey(event)) return;
      event.preventDefault();
      setSheet(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <WorkstationContext value={store}>
      <Layout data-testid="chat-window" style={{ height: '100vh' }}>
        <AppHeader
          title={<Typography.Text strong>{customer ?? t('window.chat')}</Typography.Text>}
          before={windowPin ? <PinButton pin={windowPin} /> : null}
        />
        <Layout.Content style={{ minHeight: 0 }}>
          <ChatPane conversationId={conversationId} onCustomer={setCustomer} />
        </Layout.Content>
        <ShortcutSheet open={sheet} onClose={() => setSheet(false)} popOut pinnable={Boolean(windowPin)} />
      </Layout>
    </WorkstationContext>
  );
}
