import type { Settings } from '../../shared/domain/settings';
import { useSystemDark } from './useSystemDark';

/** Whether this window shows dark colours: the setting, or the system's choice for 'system'. */
export function useDarkMode(theme: Settings['theme']): boolean {
  const systemDark = useSystemDark();
  return theme === 'dark' || (theme === 'system' && systemDark);
}
