/**
 * From a search score to a 0..1 confidence.
 *
 * Full-text relevance (bm25) has no upper bound and its scale depends on the corpus and on how
 * many query terms matched, so it cannot be divided by a maximum. Instead the score is squashed
 * with a saturating curve, c = s / (s + h), where h is the score that means "even odds": a
 * score of h gives 0.5, 2h gives 0.67, 4h gives 0.8, and 0 gives 0. It is monotone (a better hit
 * is never less confident), needs no knowledge of the index, and has one knob to calibrate
 * against a real KB.
 *
 * Why h = 4 by default: with FTS5's bm25 (k1 = 1.2, b = 0.75) over a KB of about 200 articles,
 * one matched term that occurs in a handful of articles contributes about ln(200 / 5) ≈ 3.6,
 * and a common one about 1. So one distinctive word alone (≈ 3.6 → 0.47) stays below the
 * default threshold of 0.55, while two distinctive words (≈ 7 → 0.64) clear it: the bot
 * answers when the question and the article share more than a single word.
 */
export const DEFAULT_SCORE_AT_HALF_CONFIDENCE = 4;

export function saturatingConfidence(score: number, scoreAtHalf = DEFAULT_SCORE_AT_HALF_CONFIDENCE): number {
  if (!Number.isFinite(score) || score <= 0) return 0;
  if (!(scoreAtHalf > 0)) throw new RangeError('scoreAtHalf must be positive');
  return round3(score / (score + scoreAtHalf));
}

/** Three decimals: enough to compare with a threshold, and stable to print and to test. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
