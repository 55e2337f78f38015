import { highlightRanges, type TextRange } from '../../../shared/text';

/** Characters of context kept on each side of the first match. */
const CONTEXT = 40;

/**
 * A short piece of `text` around its first highlighted term, with the ranges moved to the
 * piece's offsets. Short texts come back whole.
 */
export function snippetOf(text: string, terms: readonly string[], max = 2 * CONTEXT + 40): { snippet: string; ranges: TextRange[] } {
  const ranges = highlightRanges(text, terms);
  if (text.length <= max) return { snippet: text, ranges };
  const first = ranges[0]?.start ?? 0;
  const start = Math.max(0, first - CONTEXT);
  const end = Math.min(text.length, start + max);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    snippet: prefix + text.slice(start, end) + suffix,
    ranges: ranges
      .filter((r) => r.start >= start && r.end <= end)
      .map((r) => ({ start: r.start + shift, end: r.end + shift })),
  };
}
