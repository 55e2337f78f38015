import { evaluateQc, findPii, strictestAction, type PiiKind, type QcHit, type QcRule } from '../../../../shared/text';
import { hasUnfilledVariable } from './cannedVariables';

export interface GuardVerdict {
  /** ok: send; warn: ask "send anyway?"; block: refuse */
  action: 'ok' | 'warn' | 'block';
  /** the agent-side quality rules the text breaks */
  qc: QcHit[];
  /** kinds of personal data found unmasked in the text */
  pii: PiiKind[];
  /** a canned reply's {{variable}} was left unfilled */
  unfilled: boolean;
}

/**
 * The composer's check before a reply goes out. Each QC rule says what its hit does (flag only
 * records it for review, so it does not stop the agent; warn asks; block refuses). Unmasked
 * personal data and an unfilled variable warn: the agent may have a reason, but should look.
 * Internal notes never reach the customer, so only the QC block rules apply to them.
 */
export function preSendGuard(text: string, options: { note?: boolean; rules?: readonly QcRule[] } = {}): GuardVerdict {
  const qc = evaluateQc(text, 'agent', options.rules).filter((hit) => hit.action !== 'flag');
  const pii = options.note ? [] : [...new Set(findPii(text).map((span) => span.kind))];
  const unfilled = !options.note && hasUnfilledVariable(text);
  const strictest = strictestAction(qc);
  if (strictest === 'block') return { action: 'block', qc, pii, unfilled };
  if (options.note) return { action: 'ok', qc: [], pii, unfilled };
  const warn = strictest === 'warn' || pii.length > 0 || unfilled;
  return { action: warn ? 'warn' : 'ok', qc, pii, unfilled };
}
