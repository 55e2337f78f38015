import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CacheStatus } from '../../../shared/domain/cache';
import { useCacheStatus } from '../../components/useCacheStatus';

/**
 * Where the key of the encrypted local cache is kept, under the settings form: the keychain, or
 * (no keychain on this computer, or the browser host) a file only this OS user can read, which
 * the user should know is weaker. Nothing shows while the core cannot say.
 */
export function CacheSecurity() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CacheStatus | null>(null);
  useCacheStatus(setStatus);

  if (!status) return null;
  const inFile = status.keyCustody === 'file';
  return (
    <Alert
      data-testid="cache-security"
      data-custody={status.keyCustody}
      type={inFile ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 16 }}
      title={t('cacheNotice.encrypted')}
      description={inFile ? t('cacheNotice.keyInFile') : t('cacheNotice.keyInKeychain')}
    />
  );
}
