import { sentencesOf } from '../buildKb';
import { EVENT_CSAT, NOTE_SENSITIVE, STARS } from '../content/dialogue/common';
import type { Rng } from '../random';
import type { Agent } from '../schema';
import { TRIM, type ChatScript, line } from './chat';

/** Words that QC flags on the customer's side; a chat that meets one gets a note. */
export const SENSITIVE_WORDS = ['假货', '投诉', '诈骗', '骗子', '消费者协会', '烂脸'];

/** Adds the QC note when the customer's text holds a sensitive word. */
export function flagSensitive(rng: Rng, chat: ChatScript, agent: Agent, text: string): void {
  const word = SENSITIVE_WORDS.find((w) => text.includes(w));
  if (word && rng.chance(0.85)) chat.note(agent, line(rng, NOTE_SENSITIVE, { word }), TRIM.note);
}

/** A rating for a chat a human handled (or none: many customers skip it), as the csat field and the event line. */
export function rate(rng: Rng, chat: ChatScript, hard: boolean): number | undefined {
  if (!rng.chance(hard ? 0.5 : 0.6)) return undefined;
  const csat = hard
    ? rng.weighted([[5, 25], [4, 25], [3, 20], [2, 15], [1, 15]] as const)
    : rng.weighted([[5, 56], [4, 25], [3, 10], [2, 5], [1, 4]] as const);
  chat.event('rated', line(rng, [EVENT_CSAT], { stars: STARS[csat - 1] }), TRIM.csat);
  return csat;
}

/** The opening line: a question as customers type it, sometimes with a greeting in front. */
export function opener(rng: Rng, prefixes: readonly string[], question: string): string {
  return `${rng.pick(prefixes)}${question}`;
}

/** The one-sentence answer of a KB body (the last sentence of its first paragraph): what the bot quotes. */
export function summaryOf(body: string): string {
  const first = sentencesOf(body.split('\n\n')[0] ?? body);
  return first[first.length - 1] ?? body;
}
