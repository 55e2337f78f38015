// The routing engine's view of agents, queues and waiting conversations. Plain data, no storage:
// the server loads these from its store and feeds changes in.
import type { QueueKind as SharedQueueKind } from '../../shared/domain/org';

export type Presence = 'online' | 'busy' | 'away' | 'offline';
/** The shared domain's queue kinds: one list for the wire, the store and the engine. */
export type QueueKind = SharedQueueKind;
export type AcceptMode = 'auto' | 'offer';

/** Chats an agent may hold at once when neither the agent nor the queue says otherwise. */
export const DEFAULT_MAX_CONCURRENT = 5;
/** How long an offer waits for accept/decline before it goes to the next agent. */
export const DEFAULT_OFFER_TIMEOUT_MS = 20_000;
/** How long a disconnected agent keeps their chats before they are released for requeueing. */
export const DEFAULT_DISCONNECT_GRACE_MS = 60_000;

export interface AgentState {
  id: string;
  teamIds: readonly string[];
  /** Set for merchant agents: they only ever serve this shop's queues. Platform agents have none. */
  shopId?: string;
  skills: readonly string[];
  presence: Presence;
  awayReason?: string;
  /** Per-agent cap on concurrent chats; DEFAULT_MAX_CONCURRENT when absent. */
  maxConcurrent?: number;
  /** Chats the agent holds now (every queue together). */
  activeCount: number;
  /**
   * When the agent last received a chat (ms). "Longest idle" ranks the oldest first; an agent who
   * has never received one (undefined) counts as idle the longest.
   */
  lastAssignedAt?: number;
  /** Set while the agent's connection is gone; they get no offers and keep their chats for the grace period. */
  disconnectedAt?: number;
}

export interface QueueConfig {
  id: string;
  kind: QueueKind;
  /** Teams whose agents serve this queue. */
  teamIds: readonly string[];
  /** Required for merchant queues: the shop whose agents alone may serve it. */
  shopId?: string;
  /** Queue override of the per-agent cap; the effective cap is the smaller of the two. */
  maxConcurrentPerAgent?: number;
  /** Every one of these must be among the agent's skills. */
  requiredSkills?: readonly string[];
  acceptMode: AcceptMode;
  /** DEFAULT_OFFER_TIMEOUT_MS when absent. */
  offerTimeoutMs?: number;
}

export interface WaitingItem {
  conversationId: string;
  queueId: string;
  enqueuedAt: number;
  /** Higher goes first (VIP customers get 1, everyone else 0 / absent); FIFO within a priority. */
  priority?: number;
  /** Agents who declined this item or let its offer time out: never offered it again. */
  declinedBy: readonly string[];
}

export interface Offer {
  conversationId: string;
  queueId: string;
  agentId: string;
  offeredAt: number;
  /** The offer lapses at this instant: an accept must arrive strictly before it. */
  expiresAt: number;
}

/** A chat an agent holds, with the queue it came from when known (to requeue it there). */
export interface HeldConversation {
  conversationId: string;
  queueId: string | undefined;
}
