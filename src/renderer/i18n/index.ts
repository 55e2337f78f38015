import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, messages } from './resources';

/**
 * The renderer's i18next instance, initialised synchronously (resources are bundled) so the first
 * render already has its text. The language follows settings.language: see useFollowLanguage.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: messages['zh-CN'] },
    en: { translation: messages.en },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  // React escapes text it renders; nothing here is ever put into HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
});
