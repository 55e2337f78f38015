import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../shared/domain/reviews';

/** The reviewer's verdict in short, with whether the server has it yet (or refused it). */
export function VerdictTag({ item }: { item: ReviewQueueItem }) {
  const { t } = useTranslation();
  if (item.rejected && !item.verdict) {
    return (
      <Tooltip title={t('review.rejected', { message: item.rejected.message })}>
        <Tag color="red" data-testid="verdict-rejected">
          {t('review.fail')} · {item.rejected.code}
        </Tag>
      </Tooltip>
    );
  }
  if (!item.verdict) return <Tag data-testid="verdict-none">{t('review.noVerdict')}</Tag>;
  const { verdict, state } = item.verdict;
  return (
    <Tag color={verdict === 'pass' ? 'green' : 'volcano'} data-testid="verdict-tag" data-state={state}>
      {verdict === 'pass' ? t('review.pass') : t('review.fail')} · {state === 'pending' ? t('review.pending') : t('review.synced')}
    </Tag>
  );
}
