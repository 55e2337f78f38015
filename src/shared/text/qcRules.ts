/**
 * Quality-check (QC) keyword rules and their evaluation, shared by the server (scoring stored
 * conversations), the core (flagging live ones) and the renderer (the composer's pre-send guard).
 *
 * Rules are data (qcDefaultRules.ts holds the defaults; a server may ship its own set, validated
 * with qcRuleSchema), so a QC team can tune them without a release.
 *
 * Patterns are JavaScript regular-expression *sources*, compiled with the flags `giu` and
 * matched against the normalised text (NFKC, lower-cased, whitespace between non-Latin
 * characters removed — see normaliseForMatching): so ＩＤ matches "id", 密 码 matches 密码, and
 * a pattern written in lower case matches any case. A plain word is a valid source; use \b for
 * Latin word boundaries and write only lower-case literals. A source that does not compile is
 * matched as a literal string rather than throwing, so one bad rule from a server cannot disable
 * the guard.
 */
import { z } from 'zod';
import { normaliseForMatching, originalRange } from './normalize';
import { findPii, type PiiKind } from './pii';
import { DEFAULT_QC_RULES } from './qcDefaultRules';

export type QcSide = 'customer' | 'agent';
export type QcSeverity = 'info' | 'warning' | 'critical';
/** flag: record for QC review; warn: the composer asks "send anyway?"; block: it refuses to send. */
export type QcAction = 'flag' | 'warn' | 'block';

export interface QcRule {
  id: string;
  side: QcSide;
  category: string;
  label: { zh: string; en: string };
  /** Regular-expression sources (see the file comment). */
  patterns: string[];
  severity: QcSeverity;
  action: QcAction;
  /**
   * Ignore a hit when a negation (不要, 别, 请勿, 不会, never, don't …) precedes it in the same
   * clause or sits inside it: "请不要把验证码告诉任何人" is the opposite of asking for it.
   */
  negatable?: boolean;
}

export const qcRuleSchema = z.object({
  id: z.string().min(1),
  side: z.enum(['customer', 'agent']),
  category: z.string().min(1),
  label: z.object({ zh: z.string(), en: z.string() }),
  patterns: z.array(z.string().min(1)).min(1),
  severity: z.enum(['info', 'warning', 'critical']),
  action: z.enum(['flag', 'warn', 'block']),
  negatable: z.boolean().optional(),
}) satisfies z.ZodType<QcRule>;

export interface QcHit {
  ruleId: string;
  category: string;
  severity: QcSeverity;
  action: QcAction;
  /** The matched text as the user wrote it: `text.slice(start, end)`. */
  match: string;
  start: number;
  end: number;
}

/** Negations that turn an agent's sentence into a warning rather than a request. */
const NEGATION =
  /不要|不会|不能|不可以|不可|不得|不用|不需要|无需|无须|勿|(?<![特区类级分识鉴告性])别(?![人的])|绝不|决不|从不|永远不|千万不|\b(?:never|not|don't|dont|won't|cannot|can't|shouldn't|no need)\b/u;
/** Where a clause ends: a negation before one of these does not reach the hit. */
const CLAUSE_END = /[。！？!?；;，,\n.…]/u;

const compiled = new WeakMap<QcRule, RegExp[]>();

/** A regex source matching `text` literally (fallback for a pattern that does not compile). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The rule's compiled patterns, cached per rule object so a guard running on every keystroke stays cheap. */
function rulePatterns(rule: QcRule): RegExp[] {
  let patterns = compiled.get(rule);
  if (!patterns) {
    patterns = rule.patterns.map((source) => {
      try {
        return new RegExp(source, 'giu');
      } catch {
        return new RegExp(escapeRegExp(source.toLowerCase()), 'giu');
      }
    });
    compiled.set(rule, patterns);
  }
  return patterns;
}

/** Whether a negation sits in the hit's clause before it, or inside the hit (验证码不要发给…). */
function isNegated(text: string, start: number, end: number): boolean {
  let clauseStart = start;
  while (clauseStart > 0 && !CLAUSE_END.test(text[clauseStart - 1]!)) clauseStart -= 1;
  return NEGATION.test(text.slice(clauseStart, end));
}

/**
 * Every hit of the rules for `side` in `text`, in text order, with offsets into `text`. Hits of
 * one rule never overlap; different rules may mark the same words.
 *
 * Behavioural violations — closing a conversation without handling it, ignoring a complaint,
 * letting a customer wait past the pickup/reply limits — are not words in a message. They belong
 * to the server's SLA and conversation-state logic (src/server, the qc and metrics features),
 * which sees the timeline; they are deliberately not keyword rules here.
 */
export function evaluateQc(text: string, side: QcSide, rules: readonly QcRule[] = DEFAULT_QC_RULES): QcHit[] {
  const mapped = normaliseForMatching(text, { joinCjkSpaces: true });
  const hits: QcHit[] = [];
  for (const rule of rules) {
    if (rule.side !== side) continue;
    const ruleHits: Array<[number, number]> = [];
    for (const pattern of rulePatterns(rule)) {
      for (const m of mapped.text.matchAll(pattern)) {
        if (m[0].length === 0) continue;
        const from = m.index;
        const to = from + m[0].length;
        if (rule.negatable && isNegated(mapped.text, from, to)) continue;
        if (ruleHits.some(([s, e]) => from < e && to > s)) continue;
        ruleHits.push([from, to]);
      }
    }
    for (const [from, to] of ruleHits) {
      const [start, end] = originalRange(mapped, from, to);
      hits.push({ ruleId: rule.id, category: rule.category, severity: rule.severity, action: rule.action, match: text.slice(start, end), start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : 1));
}

/** The strictest action among the hits, for a guard that has to decide once: block > warn > flag. */
export function strictestAction(hits: readonly QcHit[]): QcAction | null {
  if (hits.some((hit) => hit.action === 'block')) return 'block';
  if (hits.some((hit) => hit.action === 'warn')) return 'warn';
  return hits.length > 0 ? 'flag' : null;
}

/**
 * True when the draft still holds personal data that would be masked on display (phone, ID,
 * card, e-mail, address). The composer's pre-send guard uses it to ask the agent whether the
 * number really has to go out in clear; `kinds` narrows the check.
 */
export function containsUnmaskedPii(text: string, kinds?: readonly PiiKind[]): boolean {
  const wanted = kinds ? new Set(kinds) : null;
  return findPii(text).some((span) => !wanted || wanted.has(span.kind));
}
