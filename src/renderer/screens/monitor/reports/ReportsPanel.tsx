import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Reports per agent / team / shop (issue 7 §6): filled in by the reports work. */
export function ReportsPanel() {
  const { t } = useTranslation();
  return <Empty data-testid="reports-panel" description={t('monitor.empty')} />;
}
