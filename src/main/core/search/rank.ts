import { normaliseForSearch } from '../../../shared/text';

/*
 * bm25 blended with recency, computed here over a bounded set of candidates rather than by FTS5's
 * bm25(): that function counts, on its first call in every search, the rows holding each phrase
 * over the whole index (its IDF), which is a scan of every match (173,000 rows for 退 in a million
 * messages: 4–12 ms a search, before a single row is ranked). Here the term frequency and the length
 * come from the candidate's own text, which the search reads anyway for its snippet, and the IDF
 * of each term is only needed when the query has more than one (with one term it scales every
 * score alike and cannot change the order).
 */

/** FTS5's bm25 constants. */
const K1 = 1.2;
const B = 0.75;
/** Recency half-weight: a match this old ranks as if its bm25 were halved. */
export const RECENCY_MS = 30 * 24 * 3600 * 1000;

export interface Candidate {
  /** the text the query matched, as the user wrote it */
  body: string;
  created_at: number;
}

/** How often `term` (normalised, as highlightTerms gives it) occurs in normalised `text`, at least once: the index matched it. */
function frequency(text: string, term: string): number {
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) count += 1;
  return Math.max(1, count);
}

/** Inverse document frequency as FTS5's bm25 computes it, never below a small positive floor. */
export function idf(rows: number, matching: number): number {
  return Math.max(1e-6, Math.log((rows - matching + 0.5) / (matching + 0.5)));
}

/**
 * The `limit` best candidates, best first: Σ over the terms of idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)),
 * divided by 1 + age / RECENCY_MS. Lengths are in normalised characters (the candidates' mean as
 * the average); `weights` are the terms' IDFs (all 1 for a single term).
 */
export function rankCandidates<T extends Candidate>(rows: readonly T[], terms: readonly string[], weights: readonly number[], now: number, limit: number): T[] {
  if (rows.length === 0) return [];
  const texts = rows.map((row) => normaliseForSearch(row.body));
  const average = Math.max(1, texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  const scored = rows.map((row, i) => {
    const text = texts[i]!;
    const norm = K1 * (1 - B + (B * text.length) / average);
    let score = 0;
    terms.forEach((term, t) => {
      const tf = frequency(text, term);
      score += (weights[t] ?? 1) * ((tf * (K1 + 1)) / (tf + norm));
    });
    return { row, score: score / (1 + Math.max(0, now - row.created_at) / RECENCY_MS) };
  });
  scored.sort((a, b) => b.score - a.score || b.row.created_at - a.row.created_at);
  return scored.slice(0, limit).map((entry) => entry.row);
}
