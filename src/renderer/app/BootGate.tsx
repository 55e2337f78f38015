import { Button, Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageStatus } from '../components/FullPageStatus';
import { errorKey } from '../i18n/errorKey';
import { RpcError } from '../../shared/rpc/errors';
import { useAppState } from './shell';

/**
 * Holds the window back until the first load from the core is done: a full-page "connecting"
 * while the link is down, "loading" while it is up, and a retry if the load itself failed.
 */
export function BootGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const loading = useAppState((s) => s.loading);
  const linkUp = useAppState((s) => s.linkUp);
  const loadError = useAppState((s) => s.loadError);
  const refresh = useAppState((s) => s.refresh);

  if (!loading) return children;
  if (!linkUp) return <FullPageStatus testId="core-connecting" text={t('boot.connecting')} />;
  if (loadError) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Result
          data-testid="boot-failed"
          status="error"
          title={t('boot.loadFailed')}
          subTitle={t(errorKey(new RpcError(loadError, '')))}
          extra={
            <Button type="primary" onClick={() => void refresh()}>
              {t('boot.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  return <FullPageStatus testId="app-loading" text={t('boot.loading')} />;
}
