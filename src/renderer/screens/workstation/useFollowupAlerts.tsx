import { App, Button, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';
import { beep } from './beep';
import { useWorkstationStore } from './workstationContext';

/**
 * When the core relays the server's `followups.due`, a banner stays up until the agent opens the
 * chat or marks the follow-up done; a system notification and a ring too, as the settings say.
 */
export function useFollowupAlerts(): void {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const { notification } = App.useApp();
  const report = useReportError();
  const store = useWorkstationStore();
  const sounds = useAppState((s) => s.settings?.sounds ?? true);
  const notifications = useAppState((s) => s.settings?.notifications ?? true);

  useEffect(
    () =>
      rpc.on('followups.due', (followup) => {
        const body = followup.note || t('work.followupDueFallback');
        const close = () => notification.destroy(followup.id);
        notification.warning({
          key: followup.id,
          title: t('work.followupDue'),
          description: body,
          duration: 0,
          placement: 'topRight',
          props: { 'data-testid': 'followup-due' },
          actions: (
            <Flex gap={6}>
              {followup.conversationId && (
                <Button
                  size="small"
                  onClick={() => {
                    store.getState().open(followup.conversationId!);
                    close();
                  }}
                >
                  {t('work.openChat')}
                </Button>
              )}
              <Button
                size="small"
                type="primary"
                data-testid="followup-done"
                onClick={() => {
                  close();
                  void rpc.followups.complete({ followupId: followup.id }).catch(report);
                }}
              >
                {t('work.done')}
              </Button>
            </Flex>
          ),
        });
        if (sounds) beep();
        if (notifications && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          new Notification(t('work.followupDue'), { body, tag: followup.id }).onclick = () => window.focus();
        }
      }),
    [rpc, notification, report, store, sounds, notifications, t],
  );
}
