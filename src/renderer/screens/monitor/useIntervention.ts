import { App } from 'antd';
import { useCallback } from 'react';
import { useReportError } from '../../components/useReportError';

/**
 * Runs an intervention after the lead confirms it in a dialog; a refusal (offline, at capacity,
 * gone) shows as an error message. Resolves true once the server applied it.
 */
export function useIntervention(): (question: string, act: () => Promise<unknown>) => Promise<boolean> {
  const { modal } = App.useApp();
  const report = useReportError();
  return useCallback(
    (question, act) =>
      new Promise<boolean>((resolve) => {
        void modal.confirm({
          title: question,
          okButtonProps: { 'data-testid': 'confirm-ok' } as Record<string, string>,
          onOk: async () => {
            try {
              await act();
              resolve(true);
            } catch (error) {
              report(error);
              resolve(false);
            }
          },
          onCancel: () => resolve(false),
        });
      }),
    [modal, report],
  );
}
