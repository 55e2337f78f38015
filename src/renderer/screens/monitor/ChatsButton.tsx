import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Opens the live chats of a queue or agent row; its own label, as the row's cell is not redrawn when the language changes. */
export function ChatsButton({ testId, onClick }: { testId: string; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" data-testid={testId} onClick={onClick}>
      {t('monitor.queues.chats')}
    </Button>
  );
}
