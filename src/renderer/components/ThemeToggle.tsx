import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../app/shell';
import { useDarkMode } from '../theme/useDarkMode';
import { useReportError } from './useReportError';

/** Flips between light and dark (from 'system' it flips away from what the system shows now). */
export function ThemeToggle() {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.settings?.theme ?? 'light');
  const updateSettings = useAppState((s) => s.updateSettings);
  const report = useReportError();
  const dark = useDarkMode(theme);
  return (
    <Tooltip title={t(dark ? 'theme.toLight' : 'theme.toDark')}>
      <Button
        data-testid="theme-toggle"
        data-theme={dark ? 'dark' : 'light'}
        size="small"
        onClick={() => void updateSettings({ theme: dark ? 'light' : 'dark' }).catch(report)}
      >
        {t(dark ? 'theme.light' : 'theme.dark')}
      </Button>
    </Tooltip>
  );
}
