import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Offline review: a reviewer makes a filtered set of conversations available offline and records
 * pass / fail verdicts that sync through the outbox. The history window mounts it as a tab.
 */
export function ReviewPanel() {
  const { t } = useTranslation();
  return <Empty data-testid="review-panel" description={t('history.empty')} />;
}
