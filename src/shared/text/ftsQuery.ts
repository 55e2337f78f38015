/**
 * FTS5 MATCH expressions from raw user input, for columns filled by indexTokens (segment.ts).
 *
 * The user never writes FTS syntax: the input is cut into the same runs the indexer uses, and
 * every token is emitted as a double-quoted FTS5 string. Tokens only ever contain letters,
 * numbers and marks (searchRuns drops everything else), and any '"' would be doubled anyway, so
 * quotes, *, ^, parentheses, column filters (body:x), NEAR and AND/OR/NOT typed by the user are
 * either separators or plain quoted words; they can never change the shape of the query.
 *
 * Meaning of the expression: every run of the input must match (implicit AND), where
 *   - a 1-character CJK run is its unigram token: "退";
 *   - a longer CJK run is the phrase of its consecutive bigrams: "退款" + "款申" + "申请".
 *     Because the indexer writes each run's bigrams at adjacent positions, this phrase matches
 *     exactly the rows in which the query is a substring of one CJK run. An AND of the bigrams
 *     would also match rows holding them far apart (款申 … 退款 … 申请), so the phrase is both
 *     exact and what bm25 ranks best;
 *   - a Latin word or number is a prefix query: "refund"* (matches refunds, refunded);
 *   - a word mixing letters and digits matches either the whole word as a prefix or all of its
 *     parts: ("dd2025"* OR ("dd"* AND "2025"*)) — the indexer stores both forms, and a row holding
 *     the exact word matches both branches and ranks higher.
 */
import { cjkBigrams, searchRuns, wordParts, type SearchRun } from './segment';

/** Longest query we turn into an expression; the rest of a pasted essay would only slow FTS down. */
const MAX_QUERY_CHARS = 256;
/** At most this many runs are ANDed; a longer query keeps its first runs (a superset match). */
const MAX_RUNS = 16;

/** An FTS5 string literal: the only form in which user text reaches the expression. */
function quote(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/** The sub-expression for one run (see the file comment for why each form). */
function runExpression(run: SearchRun): string {
  if (run.kind === 'cjk') {
    if (run.chars.length === 1) return quote(run.chars[0]!);
    return cjkBigrams(run.chars).map(quote).join(' + ');
  }
  const whole = `${quote(run.word)}*`;
  const parts = wordParts(run.word);
  if (parts.length === 0) return whole;
  return `(${whole} OR (${parts.map((part) => `${quote(part)}*`).join(' AND ')}))`;
}

/** The distinct runs of a (clipped) query, in order; shared by ftsMatch and highlightTerms. */
function queryRuns(query: string): SearchRun[] {
  const clipped = Array.from(query).slice(0, MAX_QUERY_CHARS).join('');
  const seen = new Set<string>();
  const runs: SearchRun[] = [];
  for (const run of searchRuns(clipped)) {
    const key = run.kind === 'cjk' ? `c:${run.chars.join('')}` : `w:${run.word}`;
    if (seen.has(key)) continue;
    seen.add(key);
    runs.push(run);
    if (runs.length === MAX_RUNS) break;
  }
  return runs;
}

/**
 * A safe FTS5 MATCH expression for the raw user input, or null when it holds nothing searchable
 * (empty, whitespace, punctuation, emoji). Bind it as a parameter: `... WHERE t MATCH ?`.
 */
export function ftsMatch(query: string): string | null {
  const runs = queryRuns(query);
  if (runs.length === 0) return null;
  return runs.map(runExpression).join(' AND ');
}

/**
 * The literal substrings a snippet highlighter should mark for this query: each CJK run and each
 * word, NFKC-normalised and lower-cased, longest first so that overlapping terms prefer the
 * longer mark. Words are prefixes in the query, so a highlighter marks them where they begin a
 * longer word too (refund inside refunds); a letters+digits word brings its parts, which the query
 * also matches on their own (iphone15 → iphone, 15). Match them case-insensitively on normalised text —
 * highlightRanges (highlight.ts) does exactly that.
 */
export function highlightTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of queryRuns(query)) {
    if (run.kind === 'cjk') {
      terms.add(run.chars.join(''));
    } else {
      terms.add(run.word);
      for (const part of wordParts(run.word)) terms.add(part);
    }
  }
  return [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
