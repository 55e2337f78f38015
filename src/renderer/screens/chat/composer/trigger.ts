/** An open "/" (canned replies) or "#" (knowledge base) search in the composer. */
export interface ComposerTrigger {
  kind: 'canned' | 'kb';
  /** what the agent typed after the sign */
  query: string;
  /** where the sign is; the pick replaces text from here to the caret */
  start: number;
}

const SIGNS: Record<string, ComposerTrigger['kind']> = { '/': 'canned', '#': 'kb', '＃': 'kb', '、': 'canned' };

/**
 * The trigger the caret is in: a sign at the start of the text or after white space, followed by
 * no white space up to the caret. "、" counts as "/" because a Chinese keyboard types it for the
 * slash key. A URL or "3/4" in the middle of a word never opens anything.
 */
export function findTrigger(text: string, caret: number): ComposerTrigger | null {
  for (let at = caret - 1; at >= 0; at -= 1) {
    const char = text[at]!;
    if (/\s/.test(char)) return null;
    const kind = SIGNS[char];
    if (kind && (at === 0 || /\s/.test(text[at - 1]!))) return { kind, query: text.slice(at + 1, caret), start: at };
  }
  return null;
}

/** The text with the trigger replaced by `insert`, and the caret after it. */
export function replaceTrigger(text: string, trigger: ComposerTrigger, caret: number, insert: string): { text: string; caret: number } {
  const next = text.slice(0, trigger.start) + insert + text.slice(caret);
  return { text: next, caret: trigger.start + insert.length };
}
