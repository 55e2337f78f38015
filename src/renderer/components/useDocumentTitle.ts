import { useEffect } from 'react';

/** Sets the window's title (the OS shows it in the taskbar and the window switcher). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
