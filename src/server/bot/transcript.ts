import { isQuestion } from './episode';
import { phrases } from './messages';
import { clip } from './summary';
import type { BotHistoryTurn, BotLocale, HandoffReason } from './types';

const SUMMARY_QUESTION_CHARS = 60;

/**
 * The line an agent reads first when the bot hands a customer over: the customer's first question
 * and why the bot let go (首问：…｜转人工原因：…). The first question is the first customer line that
 * asks something (not "你好", not "人工", not "没用"), on one line and clipped, so a glance at the
 * queue tells the agent what the customer wants; the whole bot part is in the conversation above it.
 */
export function handoffSummary(turns: readonly BotHistoryTurn[], reason: HandoffReason, locale: BotLocale): string {
  const say = phrases(locale);
  const first = turns.find((t) => t.sender === 'customer' && isQuestion(t.text));
  const question = first ? clip(first.text.replace(/\s+/g, ' ').trim(), SUMMARY_QUESTION_CHARS) : null;
  return say.summary(question, say.reasonLabel[reason]);
}
