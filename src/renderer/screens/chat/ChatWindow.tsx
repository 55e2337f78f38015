import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useOwnWorkstationStore, WorkstationContext } from '../workstation/workstationContext';
import { ChatPane } from './ChatPane';

/**
 * A conversation popped out into its own window. It reads the core like the workstation does and
 * hears the same events, so the two show the same messages, state and draft both ways.
 */
export function ChatWindow({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const store = useOwnWorkstationStore();
  useDocumentTitle(`Seatdesk — ${t('chat.title', { id: conversationId })}`);
  return (
    <WorkstationContext value={store}>
      <Layout data-testid="chat-window" style={{ height: '100vh' }}>
        <AppHeader title={null} />
        <Layout.Content style={{ minHeight: 0 }}>
          <ChatPane conversationId={conversationId} />
        </Layout.Content>
      </Layout>
    </WorkstationContext>
  );
}
