/**
 * Text tools shared by the server, the core and the renderer: search tokens for SQLite FTS5,
 * highlight ranges, PII detection and masking, quality-check keyword rules and emotion cues.
 * Pure TypeScript (no Node, DOM or Electron APIs), so every layer can use them.
 */
export { cjkBigrams, indexTokens, isCjkChar, normaliseForSearch, searchRuns, wordParts, type SearchRun } from './segment';
export { ftsMatch, highlightTerms } from './ftsQuery';
export { highlightRanges, type TextRange } from './highlight';
export { foldWidth, normaliseForMatching, originalRange, type MappedText, type MatchNormaliseOptions } from './normalize';
export { findPii, maskPii, PII_KINDS, type MaskOptions, type PiiKind, type PiiSpan } from './pii';
export { isValidBankCard, isValidResidentId, luhnCheckDigit, luhnValid, residentIdCheckChar } from './piiChecksums';
export {
  containsUnmaskedPii,
  evaluateQc,
  qcRuleSchema,
  strictestAction,
  type QcAction,
  type QcHit,
  type QcRule,
  type QcSeverity,
  type QcSide,
} from './qcRules';
export { DEFAULT_QC_RULES } from './qcDefaultRules';
export { ANGRY_FROM, UNHAPPY_FROM, conversationEmotion, emotionScore, levelOf, type EmotionLevel, type EmotionScore } from './emotion';
