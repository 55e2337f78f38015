import { useEffect } from 'react';
import type { Language } from '../../shared/domain/settings';
import { i18n } from './index';

/** Keeps i18next and <html lang> on the language the settings hold (shared by every window). */
export function useFollowLanguage(language: Language): void {
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
}
