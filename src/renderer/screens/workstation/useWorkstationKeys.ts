import { useEffect } from 'react';

export interface WorkstationKeyHandlers {
  palette(): void;
  shortcuts(): void;
  step(delta: 1 | -1): void;
}

/** True when the key goes to a text field (where "?" is just a question mark). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "?" typed outside a text field: the key that opens the shortcut sheet, in every window that has one. */
export function isSheetKey(event: KeyboardEvent): boolean {
  return event.key === '?' && !event.isComposing && !typingIn(event.target);
}

/**
 * The window-wide keys: Ctrl/Cmd+K the command palette, Alt+↑/↓ the previous/next chat, "?"
 * the shortcut sheet (outside text fields). Esc is the overlays' own (antd closes on it).
 */
export function useWorkstationKeys(handlers: WorkstationKeyHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        handlers.palette();
      } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        handlers.step(event.key === 'ArrowUp' ? -1 : 1);
      } else if (isSheetKey(event)) {
        event.preventDefault();
        handlers.shortcuts();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
