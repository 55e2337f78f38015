import { useEffect } from 'react';

export interface HistoryKeyHandlers {
  focusSearch(): void;
  move(delta: 1 | -1): void;
  open(): void;
  close(): void;
}

/** True when the key goes to a text field other than the search box (a filter, the verify path). */
function typingElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.dataset.testid === 'history-search') return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The history window's keys: "/" or Ctrl/Cmd+F puts the cursor in the search box, ↑/↓ walk the
 * results and Enter opens one (from the search box too, so one can type and go), Esc closes the
 * transcript. Keys inside an open dialog or drawer are theirs; none while `active` is false (the
 * window shows another tab).
 */
export function useHistoryKeys(handlers: HistoryKeyHandlers, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return;
      if (event.target instanceof HTMLElement && event.target.closest('.ant-modal, .ant-drawer, .ant-select-dropdown, .ant-picker-dropdown')) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        handlers.focusSearch();
      } else if (event.key === '/' && !typingElsewhere(event.target) && !(event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        handlers.focusSearch();
      } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !typingElsewhere(event.target)) {
        event.preventDefault();
        handlers.move(event.key === 'ArrowUp' ? -1 : 1);
      } else if (event.key === 'Enter' && !typingElsewhere(event.target)) {
        event.preventDefault();
        handlers.open();
      } else if (event.key === 'Escape') {
        handlers.close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers, active]);
}
