import 'i18next';
import type { zhCN } from './locales/zh-CN';

// Typed keys: `t('login.submit')` is checked against the zh-CN resources at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
