import { cjkBigrams, ftsMatch, highlightTerms, searchRuns } from '../../shared/text';

/**
 * The two ways the KB is searched, as FTS5 MATCH expressions over the segmented index
 * (indexTokens of src/shared/text), each with the terms to highlight in what it finds.
 *
 * - `all` — an agent looking something up: every part of the query must occur as typed
 *   (ftsMatch: a Chinese run is a phrase of its bigrams, so 退款 finds 退款 and nothing else).
 * - `any` — the bot reading a customer's question: customers do not type the article's words
 *   ("怎么退款" against "如何申请退款"), so any shared bigram or word counts and bm25 decides;
 *   rare shared terms score high, 怎么 / 如何 that every FAQ shares score next to nothing.
 */
export type KbMatchMode = 'all' | 'any';

export interface KbQuery {
  match: string;
  /** literal, normalised terms for highlightRanges */
  terms: string[];
}

/** Longest question the bot turns into terms; a pasted essay would only slow FTS down. */
const MAX_ANY_CHARS = 200;
const MAX_ANY_TERMS = 48;

function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * Question words, pronouns and particles that every customer question carries. They are cut out
 * before the bigrams are formed, because they do worse than score little: 猫叫什么名字 would
 * otherwise bring the junk bigrams 叫什 and 么名, and 怎么退款 the bigram 么退.
 */
const FILLER =
  /怎么样|怎么办|怎么|怎样|什么|为什么|为啥|如何|请问|能不能|可不可以|可以|是不是|有没有|一下|我想|我要|想要|你们|我们|您好|你好|的|了|吗|呢|吧|啊|呀|哦|么/g;

/** The same for English: words that say nothing about the topic. */
const FILLER_WORDS = new Set(
  'a an the i me my you your we our it its is are am was be do does did can could would will how what why when where who which to of in on at for with and or not this that there get got please help hi hello'.split(' '),
);

/** The distinct bigrams (the character of a 1-character run) and words of a question, in order. */
function anyTerms(query: string): Map<string, 'exact' | 'prefix'> {
  const terms = new Map<string, 'exact' | 'prefix'>();
  const gist = Array.from(query.normalize('NFKC')).slice(0, MAX_ANY_CHARS).join('').replace(FILLER, ' ');
  for (const run of searchRuns(gist)) {
    if (run.kind === 'cjk') {
      for (const gram of run.chars.length === 1 ? run.chars : cjkBigrams(run.chars)) terms.set(gram, 'exact');
    } else if (!FILLER_WORDS.has(run.word)) {
      // Words match by prefix as in ftsMatch (refund finds refunds), except short ones ("to" → tomorrow).
      terms.set(run.word, run.word.length >= 3 ? 'prefix' : 'exact');
    }
  }
  return new Map([...terms].slice(0, MAX_ANY_TERMS));
}

/** The MATCH expression and highlight terms for a query, or null when nothing in it is searchable. */
export function kbQuery(query: string, mode: KbMatchMode): KbQuery | null {
  if (mode === 'all') {
    const match = ftsMatch(query);
    return match === null ? null : { match, terms: highlightTerms(query) };
  }
  const terms = anyTerms(query);
  if (terms.size === 0) return null;
  const match = [...terms].map(([term, how]) => (how === 'prefix' ? `${quote(term)}*` : quote(term))).join(' OR ');
  return { match, terms: [...terms.keys()] };
}
