/** The bot first line: a pluggable provider contract, the KB bot, the time-out guard and the hand-off transcript. */
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
export { BotSession, buildTranscript, type BotSessionOptions, type HandoffTranscript, type TranscriptTurn } from './session';
export { saturatingConfidence, DEFAULT_SCORE_AT_HALF_CONFIDENCE } from './confidence';
export { asksForHuman } from './humanRequest';
export { findSensitiveKeyword } from './sensitive';
export { isNegativeFeedback, isAcknowledgement, isGreeting } from './feedback';
export { summarizeArticle } from './summary';
export { handoff } from './messages';
