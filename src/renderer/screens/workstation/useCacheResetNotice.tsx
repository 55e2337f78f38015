import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CacheStatus } from '../../../shared/domain/cache';
import { useCacheStatus } from '../../components/useCacheStatus';

/**
 * When the core had to start this account's cache afresh (its key was gone or did not open it),
 * a notice stays up until closed: what happened, where the old file was kept, and that replies
 * and drafts only the old file held are not in the new one.
 */
export function useCacheResetNotice(): void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const show = useCallback(
    ({ reset }: CacheStatus) => {
      if (!reset) return;
      notification.warning({
        key: 'cache-reset',
        title: t('cacheNotice.resetTitle'),
        description: t(`cacheNotice.${reset.reason}`, { file: reset.movedTo }),
        duration: 0,
        placement: 'topRight',
        props: { 'data-testid': 'cache-reset' },
      });
    },
    [notification, t],
  );
  useCacheStatus(show);
}
