import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CacheStatus } from '../../../shared/domain/cache';
import { useShell } from '../../app/shell';

/**
 * Where the key of the encrypted local cache is kept, under the settings form: the keychain, or
 * (no keychain on this computer, or the browser host) a file only this OS user can read, which
 * the user should know is weaker. Nothing shows while the core cannot say.
 */
export function CacheSecurity() {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const [status, setStatus] = useState<CacheStatus | null>(null);

  useEffect(() => {
    let live = true;
    // a change the core announces wins over a first read that answers after it
    let changed = false;
    rpc.cache.status().then(
      (value) => live && !changed && setStatus(value),
      () => undefined,
    );
    const off = rpc.on('cache.changed', (value) => {
      changed = true;
      setStatus(value);
    });
    return () => {
      live = false;
      off();
    };
  }, [rpc]);

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
