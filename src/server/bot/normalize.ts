/**
 * Text folding shared by the phrase detectors: lower case, full-width to half-width (ＯＫ, ？),
 * and optionally without spaces and punctuation so "人工！！" and "人工" look the same.
 */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `fold` with every space, punctuation mark and symbol removed: the "gist" of a short message. */
export function bare(text: string): string {
  return fold(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Whether a later customer message asks the same thing as an earlier one: identical gist, or
 * character-bigram Dice similarity of at least `min` (robust to a changed particle or a typo,
 * and needs no word segmentation).
 */
export function isRepeat(later: string, earlier: string, min = 0.8): boolean {
  const a = bare(later);
  const b = bare(earlier);
  if (a.length < 2 || b.length < 2) return false;
  if (a === b) return true;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  const pool = new Map<string, number>();
  for (const g of gb) pool.set(g, (pool.get(g) ?? 0) + 1);
  for (const g of ga) {
    const left = pool.get(g) ?? 0;
    if (left > 0) {
      shared += 1;
      pool.set(g, left - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length) >= min;
}

function bigrams(s: string): string[] {
  const chars = Array.from(s);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}
