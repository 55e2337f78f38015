import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Opens the live chats of a queue or agent row, labelled in the window's language. */
export function ChatsButton({ testId, onClick }: { testId: string; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" data-testid={testId} onClick={onClick}>
      {t('monitor.queues.chats')}
    </Button>
  );
}
