import { normaliseForSearch } from '../../../../shared/text';

/**
 * A fuzzy score for a query against one text: every query character must appear in order (a
 * subsequence: "退货" finds "退换货", "rst" finds "reset"); a plain substring beats any scattered
 * match, and contiguous runs and an early start score higher. Null when it does not match.
 * Works per code point, so Chinese matches the same way as Latin.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = [...normaliseForSearch(query).replace(/\s+/g, '')];
  if (q.length === 0) return 0;
  const t = [...normaliseForSearch(text)];
  const direct = t.join('').indexOf(q.join(''));
  // A substring is the best kind of fuzzy match: rank it above any scattered one.
  if (direct >= 0) return 1000 - direct;
  let score = 0;
  let at = 0;
  let run = 0;
  for (const char of q) {
    const found = t.indexOf(char, at);
    if (found < 0) return null;
    run = found === at && at > 0 ? run + 1 : 0;
    score += 10 + run * 5 - Math.min(found - at, 10);
    at = found + 1;
  }
  return score;
}

/**
 * The items matching `query` on any of their fields, best first; a field listed earlier counts
 * more (the shortcut before the title before the body). An empty query keeps every item in order.
 */
export function fuzzyRank<T>(query: string, items: readonly T[], fields: readonly ((item: T) => string)[], limit = 50): T[] {
  if (query.trim() === '') return items.slice(0, limit);
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best: number | null = null;
    fields.forEach((field, rank) => {
      const score = fuzzyScore(query, field(item));
      if (score === null) return;
      const weighted = score * (1 - rank * 0.2);
      if (best === null || weighted > best) best = weighted;
    });
    if (best !== null) scored.push({ item, score: best, index });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}
