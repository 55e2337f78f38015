/**
 * Negative-emotion cues for customer messages (ARCHITECTURE §1 "emotion cues"): a small,
 * explainable lexicon model rather than a classifier, because agents and leads must see *why*
 * a chat is marked angry (the cues), it has to run offline in every window, and it must behave
 * the same in Chinese and English.
 *
 * Score model: each lexicon hit adds its weight (emotionLexicon.ts), ×1.5 after an intensifier
 * (非常, 太, very, so); a negation right before it (不生气, not bad) cancels a negative word and
 * turns a calming one into a complaint (不满意, not happy). Shouting adds points: !!! / ？？？,
 * ?!, words in capitals, a character repeated three times (啊啊啊, sooooo). The sum is squashed
 * to 0..1 with 1 − e^(−sum/2), so one outburst word is already "angry" and further cues add less
 * and less.
 */
import { normaliseForMatching } from './normalize';
import { CAPS_ALLOWLIST, EN_INTENSIFIERS, EN_LEXICON, EN_NEGATIONS, ZH_INTENSIFIERS, ZH_LEXICON, ZH_NEGATIONS, type LexiconEntry } from './emotionLexicon';

export type EmotionLevel = 'calm' | 'unhappy' | 'angry';

export interface EmotionScore {
  /** 0 (calm) … 1 (furious). */
  score: number;
  level: EmotionLevel;
  /** What raised the score, as written (normalised): 气死, not happy, !!!, CAPS … */
  cues: string[];
}

/** Score thresholds between the levels. */
export const UNHAPPY_FROM = 0.3;
export const ANGRY_FROM = 0.65;

const INTENSIFIER_FACTOR = 1.5;
/** A negated complaint reads as mild reassurance ("not bad"). */
const NEGATED_NEGATIVE = -0.2;
/** A negated calming word reads as a complaint ("not happy", 不满意). */
const NEGATED_POSITIVE = 1;

const CLAUSE_END = /[。！？!?；;，,\n.…]/u;

interface CompiledEntry {
  regex: RegExp;
  weight: number;
  cjk: boolean;
}

const ENTRIES: CompiledEntry[] = [
  ...ZH_LEXICON.map((entry: LexiconEntry) => ({ regex: new RegExp(entry.pattern, 'gu'), weight: entry.weight, cjk: true })),
  ...EN_LEXICON.map((entry: LexiconEntry) => ({ regex: new RegExp(entry.pattern, 'gu'), weight: entry.weight, cjk: false })),
];

interface Hit {
  start: number;
  end: number;
  weight: number;
  cjk: boolean;
}

/** Lexicon hits, longest first where they overlap (不满意 wins over 满意, 骗子 over 骗). */
function lexiconHits(text: string): Hit[] {
  const all: Hit[] = [];
  for (const entry of ENTRIES) {
    for (const m of text.matchAll(entry.regex)) {
      if (m[0].length > 0) all.push({ start: m.index, end: m.index + m[0].length, weight: entry.weight, cjk: entry.cjk });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Hit[] = [];
  for (const hit of all) if (chosen.every((o) => hit.end <= o.start || hit.start >= o.end)) chosen.push(hit);
  return chosen.sort((a, b) => a.start - b.start);
}

/** The text of the hit's clause before it: modifiers never reach across 。，! etc. */
function clausePrefix(text: string, start: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from -= 1;
  return text.slice(from, start);
}

/** How the words right before a hit modify it, and how many characters of them belong to the cue. */
function modifiers(prefix: string, cjk: boolean): { factor: number; negated: boolean; length: number } {
  if (cjk) {
    let rest = prefix;
    let factor = 1;
    const intensifier = ZH_INTENSIFIERS.find((word) => rest.endsWith(word));
    if (intensifier) {
      factor = INTENSIFIER_FACTOR;
      rest = rest.slice(0, -intensifier.length);
    }
    const negation = ZH_NEGATIONS.find((word) => rest.endsWith(word));
    return { factor, negated: negation !== undefined, length: prefix.length - rest.length + (negation?.length ?? 0) };
  }
  // English: look at the last three words of the clause before the hit.
  const words = [...prefix.matchAll(/[a-z']+/g)].slice(-3);
  let factor = 1;
  let cueFrom = prefix.length;
  const last = words[words.length - 1];
  if (last && EN_INTENSIFIERS.includes(last[0])) {
    factor = INTENSIFIER_FACTOR;
    cueFrom = last.index;
    words.pop();
  }
  const negation = words.find((word) => EN_NEGATIONS.includes(word[0]) || word[0].endsWith("n't"));
  if (negation) cueFrom = negation.index;
  return { factor, negated: negation !== undefined, length: prefix.length - cueFrom };
}

/** Points for shouting: repeated ! and ?, ?!, capital words, a character said three times. */
function shoutingCues(nfkc: string): Array<[string, number]> {
  const cues: Array<[string, number]> = [];
  const bangs = Math.max(0, ...[...nfkc.matchAll(/!{2,}/g)].map((m) => m[0].length));
  if (bangs >= 3) cues.push(['!!!', 0.9]);
  else if (bangs === 2) cues.push(['!!', 0.5]);
  if (/\?{2,}/.test(nfkc)) cues.push(['???', 0.5]);
  if (/\?!|!\?/.test(nfkc)) cues.push(['?!', 0.5]);
  const caps = [...nfkc.matchAll(/(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])/g)].map((m) => m[0]).filter((word) => !CAPS_ALLOWLIST.has(word));
  if (caps.some((word) => word.length >= 4) || caps.length >= 2) cues.push(['CAPS', 0.8]);
  const repeatedHan = /((?![哈嘻嘿呵])\p{Script=Han})\1{2,}/u.exec(nfkc);
  if (repeatedHan) cues.push([repeatedHan[0], 0.5]);
  const repeatedLetter = /([a-z])\1{3,}/i.exec(nfkc);
  if (repeatedLetter) cues.push([repeatedLetter[0].toLowerCase(), 0.3]);
  return cues;
}

/** The level shown to agents for a score (thresholds UNHAPPY_FROM and ANGRY_FROM). */
export function levelOf(score: number): EmotionLevel {
  if (score >= ANGRY_FROM) return 'angry';
  if (score >= UNHAPPY_FROM) return 'unhappy';
  return 'calm';
}

/**
 * Negative-emotion score of one customer message, with the cues that produced it. Empty or
 * neutral text scores 0 ("calm"); calming words can offset complaints but never push below 0.
 */
export function emotionScore(text: string): EmotionScore {
  const normalised = normaliseForMatching(text, { joinCjkSpaces: true }).text;
  let sum = 0;
  const cues: string[] = [];
  for (const hit of lexiconHits(normalised)) {
    const { factor, negated, length } = modifiers(clausePrefix(normalised, hit.start), hit.cjk);
    let points: number;
    if (negated) points = hit.weight > 0 ? NEGATED_NEGATIVE : NEGATED_POSITIVE * factor;
    else points = hit.weight * factor;
    sum += points;
    if (points > 0) cues.push(normalised.slice(hit.start - length, hit.end).trim());
  }
  for (const [cue, points] of shoutingCues(text.normalize('NFKC'))) {
    sum += points;
    cues.push(cue);
  }
  const score = sum <= 0 ? 0 : Math.round((1 - Math.exp(-sum / 2)) * 1000) / 1000;
  return { score, level: levelOf(score), cues: [...new Set(cues)] };
}

/**
 * The mood of a conversation from its customer messages' scores, oldest first: a weighted mean
 * in which each earlier message counts `decay` times as much as the one after it, so the latest
 * messages dominate (a customer who calmed down reads as calmer) but one calm "ok" after a row of
 * angry messages does not erase them. Out-of-range or non-finite scores are clamped/ignored.
 */
export function conversationEmotion(scores: readonly number[], decay = 0.6): number {
  let weighted = 0;
  let total = 0;
  let weight = 1;
  for (let i = scores.length - 1; i >= 0; i -= 1) {
    const score = scores[i]!;
    if (Number.isFinite(score)) {
      weighted += Math.min(1, Math.max(0, score)) * weight;
      total += weight;
    }
    weight *= decay;
  }
  return total === 0 ? 0 : weighted / total;
}
