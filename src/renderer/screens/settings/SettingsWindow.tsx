import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/shell';
import { WindowFrame } from '../../components/WindowFrame';
import { CacheSecurity } from './CacheSecurity';
import { SettingsForm } from './SettingsForm';

/** The settings window; usable before signing in (the server address is set here too). */
export function SettingsWindow() {
  const { t } = useTranslation();
  const settings = useAppState((s) => s.settings);
  return (
    <WindowFrame testId="settings-window" title={t('window.settings')}>
      {settings && <SettingsForm settings={settings} />}
      <CacheSecurity />
    </WindowFrame>
  );
}
