// The grouping helpers moved to shared/metrics so the workstation core computes reports the same way.
export { agentReplies, groupBy } from '../../shared/metrics/group';
