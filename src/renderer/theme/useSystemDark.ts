import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.(QUERY);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

const isDark = () => window.matchMedia?.(QUERY).matches ?? false;

/** Whether the operating system asks for dark colours, live. */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
