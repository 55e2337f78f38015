import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { WindowFrame } from '../../components/WindowFrame';

/** A conversation popped out into its own window (messages come with the conversations work). */
export function ChatWindow({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  return (
    <WindowFrame testId="chat-window" title={t('chat.title', { id: conversationId })}>
      <Empty data-testid="empty-messages" description={t('chat.empty')} />
    </WindowFrame>
  );
}
