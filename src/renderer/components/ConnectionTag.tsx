import { Tag, Tooltip, type TagProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../shared/domain/sync';
import { useAppState } from '../app/shell';

const colours: Record<SyncState, TagProps['color']> = {
  online: 'success',
  syncing: 'processing',
  connecting: 'warning',
  offline: 'error',
  signed_out: 'default',
};

/** The core's link to the server: online / syncing / connecting / offline, the last error on hover. */
export function ConnectionTag() {
  const { t } = useTranslation();
  const sync = useAppState((s) => s.sync);
  const state = sync?.state ?? 'connecting';
  const tag = (
    <Tag data-testid="connection-state" data-state={state} color={colours[state]}>
      {t(`sync.${state}`)}
    </Tag>
  );
  return sync?.lastError ? <Tooltip title={t('sync.lastError', { error: sync.lastError })}>{tag}</Tooltip> : tag;
}
