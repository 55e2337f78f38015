export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** an IME is composing (Chinese pinyin): Enter picks the candidate, it must not send */
  isComposing: boolean;
}

export type ComposerKeyAction = 'send' | 'resolve' | 'pick' | 'next' | 'previous' | 'close' | null;

/**
 * What a key press in the composer does. Enter sends and Shift+Enter is a new line (the
 * textarea's own behaviour, so null); Ctrl/Cmd+Enter resolves. While a "/" or "#" list is open,
 * Enter and Tab pick, arrows move and Esc closes it. Nothing fires during IME composition.
 */
export function composerKeyAction(event: KeyInput, listOpen: boolean): ComposerKeyAction {
  if (event.isComposing || event.key === 'Process') return null;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return 'resolve';
  if (listOpen) {
    if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') return 'pick';
    if (event.key === 'ArrowDown') return 'next';
    if (event.key === 'ArrowUp') return 'previous';
    if (event.key === 'Escape') return 'close';
  }
  if (event.key === 'Enter' && !event.shiftKey && !event.altKey) return 'send';
  return null;
}
