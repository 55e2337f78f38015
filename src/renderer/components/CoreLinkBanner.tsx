import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/shell';

/**
 * Shown while this window has lost its link to the workstation core (not the server), once the
 * window has loaded; before that the boot gate shows a full-page "connecting" instead.
 */
export function CoreLinkBanner() {
  const { t } = useTranslation();
  const show = useAppState((s) => !s.linkUp && !s.loading);
  if (!show) return null;
  return <Alert data-testid="core-link-down" type="warning" banner title={t('link.down')} />;
}
