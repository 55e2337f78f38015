/** The bot first line: a pluggable provider contract, the KB bot, the time-out guard, the hand-off summary, and its wiring into customer chat. */
export type {
  BotAnswer,
  BotContext,
  BotDecision,
  BotHandoff,
  BotHistoryTurn,
  BotInput,
  BotLocale,
  BotProvider,
  BotSender,
  HandoffReason,
  KbHit,
  KbSearch,
} from './types';
export { KbBot, type KbBotOptions } from './kbBot';
export { withTimeout, realScheduler, BotTimeoutError, type Scheduler, type TimeoutOptions } from './timeout';
export { BotFirstLine, kbSearch, localeOf, type BotFirstLineDeps } from './firstLine';
export { botProvider, questionMatchScore, SERVER_SCORE_AT_HALF_CONFIDENCE, type BotOptions } from './options';
export { createBotReads, type BotReads } from './store';
export { handoffSummary } from './transcript';
export { saturatingConfidence, DEFAULT_SCORE_AT_HALF_CONFIDENCE } from './confidence';
export { asksForHuman } from './humanRequest';
export { findSensitiveKeyword } from './sensitive';
export { isNegativeFeedback, isAcknowledgement, isGreeting } from './feedback';
export { summarizeArticle } from './summary';
export { handoff } from './messages';
