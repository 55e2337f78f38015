// SLA timers and escalation rules: pure status functions over a conversation's timestamps, and a
// scheduler that fires each breach once on an injected clock, across restarts.
export { DEFAULT_SLA_POLICY, type AutoEscalatePolicy, type SlaPolicy } from './policy';
export {
  pickedUpAt,
  recordAgentReply,
  recordAssignment,
  recordCustomerMessage,
  recordQueued,
  replyClockStart,
  slaStatus,
  type EscalationReason,
  type SlaConversation,
  type SlaStatus,
} from './status';
export { compareDues, dueKey, duesOf, keyConversation, type SlaDue, type SlaDueKind } from './dues';
export { SlaScheduler, type SlaSchedulerDeps } from './slaScheduler';
