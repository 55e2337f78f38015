export { ACCOUNT_CANNED, CONTENT_CANNED, ESCALATION_CANNED, FEEDBACK_CANNED, TRADE_CANNED } from './platform';
export { BEAUTY_CANNED, OUTDOOR_CANNED } from './shops';
export { PERSONAL_CANNED } from './personal';
export type { CannedRow } from './types';
