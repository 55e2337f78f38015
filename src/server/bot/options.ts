import { KbBot, type KbBotOptions } from './kbBot';
import { withTimeout } from './timeout';
import type { BotProvider } from './types';

/** What a server operator (or a test) configures about the bot first line. */
export interface BotOptions extends Pick<KbBotOptions, 'confidenceThreshold' | 'maxUnhelpfulTurns' | 'scoreAtHalfConfidence'> {
  /** How long a customer may wait for the bot before a hand-off. Default 3000 ms. */
  timeoutMs?: number;
  /** Replaces the KB bot (an LLM provider, say); still guarded by the time limit. */
  provider?: BotProvider;
}

/**
 * The score that means "even odds" for the server's KB search (see confidence.ts). Higher than
 * the bot's generic 4 because the title is weighted 3× in bm25 (kb/store.ts), which inflates
 * scores. Measured on the demo KB (200 articles, `any` matching): real questions with two or more
 * distinctive words score 10–31 (→ 0.63–0.84), chit-chat that shares one stray word with an
 * article 3.8–5.4 (→ 0.39–0.47), so the default threshold of 0.55 (score 7.3) separates them.
 * bot/calibration.test.ts keeps these figures honest.
 */
export const SERVER_SCORE_AT_HALF_CONFIDENCE = 6;

/** An article that lists the customer's question as its own answers it with confidence 0.8 (see firstLine.ts kbSearch). */
export function questionMatchScore(options: BotOptions = {}): number {
  return 4 * (options.scoreAtHalfConfidence ?? SERVER_SCORE_AT_HALF_CONFIDENCE);
}

/** The provider the server runs: the KB bot with the given knobs, never left without a decision. */
export function botProvider(options: BotOptions = {}, onError?: (error: unknown) => void): BotProvider {
  const provider =
    options.provider ??
    new KbBot({
      confidenceThreshold: options.confidenceThreshold,
      maxUnhelpfulTurns: options.maxUnhelpfulTurns,
      scoreAtHalfConfidence: options.scoreAtHalfConfidence ?? SERVER_SCORE_AT_HALF_CONFIDENCE,
    });
  return withTimeout(provider, { timeoutMs: options.timeoutMs, onError });
}
