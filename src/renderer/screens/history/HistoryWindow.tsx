import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { WindowFrame } from '../../components/WindowFrame';

/** Past conversations for review, offline too (filled by the history work). */
export function HistoryWindow() {
  const { t } = useTranslation();
  return (
    <WindowFrame testId="history-window" title={t('window.history')}>
      <Empty data-testid="empty-history" description={t('history.empty')} />
    </WindowFrame>
  );
}
