// The routing engine: who gets which waiting conversation, when. Pure and storage-free; the server
// wires it to its store and sockets.
export * from './types';
export type { Cancel, Now, Scheduler } from './scheduler';
export { systemScheduler } from './scheduler';
export {
  compareCandidates,
  effectiveCap,
  idleFor,
  isRoutable,
  pickAgent,
  servesQueue,
  shopAllows,
  transferTargets,
  type PickOptions,
  type TransferCandidate,
  type TransferTarget,
} from './pickAgent';
export { compareWaiting } from './waitingOrder';
export {
  Router,
  type AcceptResult,
  type AssignResult,
  type AssignVia,
  type Assignment,
  type DeclineResult,
  type Release,
  type RouterDeps,
  type RouterEvents,
  type WithdrawReason,
} from './router';
export { parseSnapshot, SnapshotError, SNAPSHOT_VERSION, type RouterSnapshot, type SavedAgent } from './snapshot';
