import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSchema, type Language } from '../../shared/domain/settings';
import { useAppState } from '../app/shell';
import { DEFAULT_LANGUAGE, LANGUAGE_NAMES } from '../i18n/resources';
import { useReportError } from './useReportError';

const options = LanguageSchema.options.map((value) => ({ value, label: LANGUAGE_NAMES[value] }));

/** 中文 / English. Saved in the settings, so every window follows. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppState((s) => s.settings?.language ?? DEFAULT_LANGUAGE);
  const updateSettings = useAppState((s) => s.updateSettings);
  const report = useReportError();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size="small"
      options={options}
      value={language}
      onChange={(next) => void updateSettings({ language: next }).catch(report)}
    />
  );
}
