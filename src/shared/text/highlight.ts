/**
 * Where to mark search terms in a message as the user sees it. The terms (highlightTerms) are
 * NFKC-normalised and lower-cased, the text is not, so the text is normalised with an offset map
 * and every occurrence is mapped back: ＲＥＦＵＮＤ and Refund are both marked for "refund".
 */
import { normaliseForMatching, originalRange } from './normalize';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Sorted, non-overlapping [start, end) ranges (UTF-16 offsets into `text`) covering every
 * occurrence of every term. Overlapping or touching occurrences are merged into one range, so a
 * renderer can split the text into plain and marked pieces in one pass.
 */
export function highlightRanges(text: string, terms: readonly string[]): TextRange[] {
  const wanted = [...new Set(terms.map((term) => term.normalize('NFKC').toLowerCase()).filter((term) => term.length > 0))];
  if (wanted.length === 0 || text.length === 0) return [];
  const mapped = normaliseForMatching(text);
  const found: TextRange[] = [];
  for (const term of wanted) {
    let from = mapped.text.indexOf(term);
    while (from !== -1) {
      const [start, end] = originalRange(mapped, from, from + term.length);
      found.push({ start, end });
      from = mapped.text.indexOf(term, from + 1);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
