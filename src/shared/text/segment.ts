/**
 * Search tokenisation for SQLite FTS5 with the stock `unicode61` tokenizer.
 *
 * unicode61 splits on anything that is not a letter or number, so Chinese text, which has no
 * spaces, would become one giant token per clause and a query for 退款 would only find a clause
 * that is exactly 退款. FTS5's trigram tokenizer misses every 1- and 2-character query. So the
 * text is tokenised here, in TypeScript, into space-separated tokens and stored in the FTS column;
 * unicode61 then only splits at the spaces. Queries are built from the same tokens (ftsQuery.ts).
 *
 * Token stream, in order of appearance in the text:
 *   - every CJK run (Han, Hiragana, Katakana) of n characters emits a block of its n-1
 *     overlapping bigrams followed by its n unigrams: 退款申请 → 退款 款申 申请 退 款 申 请.
 *     The bigrams are adjacent positions, so a phrase query of consecutive bigrams matches
 *     exactly where the query is a substring of the run (unigrams never sit between them), and
 *     a 1-character query finds its unigram. 2n-1 tokens per run: about 2 tokens per CJK
 *     character (measured in segment.test.ts).
 *   - every Latin/number word (letters, digits, combining marks) is lower-cased after NFKC and
 *     emitted once; a word mixing letters and digits (iphone15, dd20250101123456) also emits its
 *     letter and digit parts, so "iPhone 15" and the bare digits of an order id still find it.
 *
 * Why no Intl.Segmenter words: a 2-character word is already one of the bigrams, and a longer
 * word only helps a query that happens to equal a dictionary word, which the phrase of bigrams
 * already pins down exactly, and bm25 already ranks by how often and how densely the phrase
 * occurs. Adding words would cost about 0.35 more tokens per CJK character (measured in segment.test.ts) and make the stored tokens
 * depend on the ICU dictionary of whichever runtime indexed the row (Node and Chromium ship
 * different ICU versions; an upgrade would silently change segmentation between indexed rows
 * and new queries). The n-gram scheme is deterministic across runtimes and versions.
 */

/** Characters that are segmented into n-grams rather than whitespace words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
/**
 * Characters unicode61 keeps inside tokens by default are L*, N* and Co; combining marks are
 * added so that accented or Indic words stay one unit here (unicode61 may still split them, but it
 * splits the index and the query identically).
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;
const LETTERS_OR_DIGITS = /\p{Nd}+|[^\p{Nd}]+/gu;

export type SearchRun = { kind: 'cjk'; chars: string[] } | { kind: 'word'; word: string };

/** The text NFKC-normalised (full-width → half-width, compatibility forms folded) and lower-cased. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** True for a character the indexer cuts into n-grams (Han, kana) rather than into words. */
export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Splits text into CJK runs and Latin/number words; everything else (spaces, punctuation, emoji,
 * FTS syntax characters) separates them and is dropped. Shared by the indexer and the query
 * builder so both sides cut the text identically.
 */
export function searchRuns(text: string): SearchRun[] {
  const runs: SearchRun[] = [];
  let cjk: string[] = [];
  let word = '';
  const flushCjk = () => {
    if (cjk.length > 0) runs.push({ kind: 'cjk', chars: cjk });
    cjk = [];
  };
  const flushWord = () => {
    if (word.length > 0) runs.push({ kind: 'word', word });
    word = '';
  };
  for (const ch of normaliseForSearch(text)) {
    if (CJK.test(ch)) {
      flushWord();
      cjk.push(ch);
    } else if (WORD_CHAR.test(ch)) {
      flushCjk();
      word += ch;
    } else {
      flushCjk();
      flushWord();
    }
  }
  flushCjk();
  flushWord();
  return runs;
}

/** Overlapping bigrams of a CJK run: 退款申请 → 退款 款申 申请. Empty for a single character. */
export function cjkBigrams(chars: readonly string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/**
 * The letter and digit parts of a word that mixes them (iphone15 → iphone, 15), or [] for a word
 * that is all letters or all digits.
 */
export function wordParts(word: string): string[] {
  const parts = word.match(LETTERS_OR_DIGITS) ?? [];
  return parts.length > 1 ? parts : [];
}

/**
 * The token string to store in the FTS5 column for `text` (see the file comment for the layout).
 * Store it in a column created with `tokenize='unicode61'`; keep the original text elsewhere for
 * display and snippets.
 */
export function indexTokens(text: string): string {
  const tokens: string[] = [];
  for (const run of searchRuns(text)) {
    if (run.kind === 'cjk') {
      tokens.push(...cjkBigrams(run.chars), ...run.chars);
    } else {
      tokens.push(run.word, ...wordParts(run.word));
    }
  }
  return tokens.join(' ');
}
