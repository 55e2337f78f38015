// Who may take a conversation, and who should: pure functions over the agents' current state.
import { DEFAULT_MAX_CONCURRENT, type AgentState, type QueueConfig, type WaitingItem } from './types';

/** The agent's cap, lowered by the queue's override when the queue has one. */
export function effectiveCap(agent: Pick<AgentState, 'maxConcurrent'>, queue?: Pick<QueueConfig, 'maxConcurrentPerAgent'>): number {
  const own = agent.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  return queue?.maxConcurrentPerAgent === undefined ? own : Math.min(own, queue.maxConcurrentPerAgent);
}

/** Online and connected: the only agents who receive offers or transfers. */
export function isRoutable(agent: AgentState): boolean {
  return agent.presence === 'online' && agent.disconnectedAt === undefined;
}

/**
 * Merchant isolation: a merchant queue is served only by its own shop's agents (a merchant queue
 * without a shop is served by nobody), and every other queue only by platform agents (no shop).
 */
export function shopAllows(agent: AgentState, queue: QueueConfig): boolean {
  if (queue.kind === 'merchant') return queue.shopId !== undefined && agent.shopId === queue.shopId;
  return agent.shopId === undefined;
}

/** Team membership, shop isolation and skills: whether the agent serves this queue at all. */
export function servesQueue(agent: AgentState, queue: QueueConfig): boolean {
  if (!shopAllows(agent, queue)) return false;
  if (!agent.teamIds.some((team) => queue.teamIds.includes(team))) return false;
  return (queue.requiredSkills ?? []).every((skill) => agent.skills.includes(skill));
}

export interface PickOptions {
  /** The load counted against the cap; the router adds its pending offers. Defaults to activeCount. */
  loadOf?: (agent: AgentState) => number;
  /** Agents to leave out for reasons of the caller's own (the router: those at their pending-offer limit). */
  skip?: (agent: AgentState) => boolean;
}

/**
 * Orders candidates: lowest load ratio (load / cap) first, then fewest chats, then idle the longest
 * (oldest lastAssignedAt; never assigned counts as longest), then by id so the choice is deterministic.
 */
export function compareCandidates(
  a: { agent: AgentState; load: number; cap: number },
  b: { agent: AgentState; load: number; cap: number },
  now: number,
): number {
  // Cross-multiplied so equal ratios compare equal without floating-point noise.
  const ratio = a.load * b.cap - b.load * a.cap;
  if (ratio !== 0) return ratio;
  if (a.load !== b.load) return a.load - b.load;
  const idleA = idleFor(a.agent, now);
  const idleB = idleFor(b.agent, now);
  if (idleA !== idleB) return idleA > idleB ? -1 : 1;
  return a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0;
}

/** How long since the agent last received a chat; Infinity when never. */
export function idleFor(agent: AgentState, now: number): number {
  return agent.lastAssignedAt === undefined ? Number.POSITIVE_INFINITY : now - agent.lastAssignedAt;
}

/**
 * The agent a waiting item should go to, or undefined when nobody may take it now: online and
 * connected agents of the queue's teams (merchant queues: that shop's agents only) with spare
 * capacity, every required skill, and who have not declined or let this item's offer lapse.
 */
export function pickAgent(
  queue: QueueConfig,
  item: WaitingItem,
  agents: Iterable<AgentState>,
  now: number,
  options: PickOptions = {},
): AgentState | undefined {
  const loadOf = options.loadOf ?? ((agent: AgentState) => agent.activeCount);
  let best: { agent: AgentState; load: number; cap: number } | undefined;
  for (const agent of agents) {
    if (!isRoutable(agent) || !servesQueue(agent, queue)) continue;
    if (item.declinedBy.includes(agent.id)) continue;
    if (options.skip?.(agent)) continue;
    const cap = effectiveCap(agent, queue);
    const load = loadOf(agent);
    if (load >= cap) continue;
    const candidate = { agent, load, cap };
    if (!best || compareCandidates(candidate, best, now) < 0) best = candidate;
  }
  return best?.agent;
}

export type TransferTarget = { queue: QueueConfig } | { teamId: string };

export interface TransferCandidate {
  agentId: string;
  activeCount: number;
  /** The cap that applies for this target (the queue's override included). */
  capacity: number;
  spare: number;
}

/**
 * Who can take a transferred chat now (the transfer dialog's list): online, connected agents of the
 * team, or serving the queue, with spare capacity; best candidates first, same order as routing.
 */
export function transferTargets(
  target: TransferTarget,
  agents: Iterable<AgentState>,
  now: number,
  options: PickOptions & { excludeAgentId?: string } = {},
): TransferCandidate[] {
  const loadOf = options.loadOf ?? ((agent: AgentState) => agent.activeCount);
  const queue = 'queue' in target ? target.queue : undefined;
  const candidates: { agent: AgentState; load: number; cap: number }[] = [];
  for (const agent of agents) {
    if (!isRoutable(agent) || agent.id === options.excludeAgentId) continue;
    if (queue ? !servesQueue(agent, queue) : !('teamId' in target && agent.teamIds.includes(target.teamId))) continue;
    if (options.skip?.(agent)) continue;
    const cap = effectiveCap(agent, queue);
    const load = loadOf(agent);
    if (load < cap) candidates.push({ agent, load, cap });
  }
  candidates.sort((a, b) => compareCandidates(a, b, now));
  return candidates.map(({ agent, load, cap }) => ({ agentId: agent.id, activeCount: agent.activeCount, capacity: cap, spare: cap - load }));
}
