import { Button, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState, useShell } from '../../app/shell';
import { AppHeader } from '../../components/AppHeader';
import { useReportError } from '../../components/useReportError';

/** Product, connection state, who is signed in, and the doors to the other windows. */
export function WorkstationHeader() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { openWindow } = useShell();
  const session = useAppState((s) => s.session);
  const logout = useAppState((s) => s.logout);
  const report = useReportError();
  if (!session) return null;
  const canMonitor = session.role === 'lead' || session.role === 'admin';

  return (
    <AppHeader
      title={
        <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
          Seatdesk
        </Typography.Text>
      }
      before={
        <>
          <Typography.Text data-testid="user-name" strong>
            {session.displayName}
          </Typography.Text>
          <Tag data-testid="user-role">{t(`role.${session.role}`)}</Tag>
        </>
      }
      after={
        <>
          <Button data-testid="open-history" size="small" onClick={() => openWindow({ kind: 'history' })}>
            {t('header.openHistory')}
          </Button>
          {canMonitor && (
            <Button data-testid="open-monitor" size="small" onClick={() => openWindow({ kind: 'monitor' })}>
              {t('header.openMonitor')}
            </Button>
          )}
          <Button data-testid="open-settings" size="small" onClick={() => openWindow({ kind: 'settings' })}>
            {t('header.openSettings')}
          </Button>
          <Button data-testid="logout" size="small" danger onClick={() => void logout().catch(report)}>
            {t('header.logout')}
          </Button>
        </>
      }
    />
  );
}
