import { useEffect } from 'react';

export interface ReviewKeyHandlers {
  /** whether the panel is on screen now (a tab kept mounted while another is shown is not) */
  shown(): boolean;
  move(delta: 1 | -1): void;
  pass(): void;
  fail(): void;
}

/** A key typed into a text field (the note, a filter) is text, not a command. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The review tab's keys, as reviewers know them from mail and code review tools: J / K the next
 * and previous conversation, P pass, F fail (the rule is picked next). Only while the panel is
 * active and on screen, never inside a text field, a dialog or a dropdown.
 */
export function useReviewKeys(active: boolean, handlers: ReviewKeyHandlers): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (!handlers.shown()) return;
      if (event.target instanceof HTMLElement && event.target.closest('.ant-modal, .ant-drawer, .ant-select-dropdown, .ant-picker-dropdown')) return;
      const key = event.key.toLowerCase();
      if (key === 'j' || key === 'k') handlers.move(key === 'j' ? 1 : -1);
      else if (key === 'p') handlers.pass();
      else if (key === 'f') handlers.fail();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, handlers]);
}
