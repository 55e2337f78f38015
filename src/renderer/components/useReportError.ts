import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { RpcError } from '../../shared/rpc/errors';
import { errorKey } from '../i18n/errorKey';

/** Shows a failed call as a short message toast (a cancelled call is not a failure). */
export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof RpcError && error.code === 'cancelled') return;
      void message.error(t(errorKey(error)));
    },
    [message, t],
  );
}
