import type { Language } from '../../shared/domain/settings';
import { en } from './locales/en';
import { zhCN, type Messages } from './locales/zh-CN';

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const messages: Record<Language, Messages> = { 'zh-CN': zhCN, en };

/**
 * Each language's name in itself, as language switches conventionally show them
 * (so a user who cannot read the current language still finds their own).
 */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every translation key, e.g. `login.submit`. */
export type MessageKey = Leaves<Messages>;
