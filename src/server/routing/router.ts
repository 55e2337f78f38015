// The routing engine: waiting conversations, offers with timeouts, agent capacity and presence,
// and the disconnect grace period. No storage and no real timers: the server injects the clock and
// scheduler, feeds changes in, listens to the events and persists toJSON() when it likes.
import { createOutbox } from './outbox';
import { effectiveCap, isRoutable, pickAgent, servesQueue, shopAllows, transferTargets, type TransferCandidate } from './pickAgent';
import type { Cancel, Now, Scheduler } from './scheduler';
import { parseSnapshot, SNAPSHOT_VERSION, type RouterSnapshot } from './snapshot';
import {
  DEFAULT_DISCONNECT_GRACE_MS,
  DEFAULT_OFFER_TIMEOUT_MS,
  type AgentState,
  type HeldConversation,
  type Offer,
  type Presence,
  type QueueConfig,
  type WaitingItem,
} from './types';
import { compareWaiting, insertSorted, type WaitingEntry } from './waitingOrder';

export type AssignVia = 'auto' | 'accepted' | 'manual';

export interface Assignment {
  conversationId: string;
  /** Undefined only for a manual assignment of a conversation the router never saw queued. */
  queueId: string | undefined;
  agentId: string;
  assignedAt: number;
  /** When the conversation entered its queue (for the 30-second pickup figure), if it was waiting. */
  enqueuedAt: number | undefined;
  via: AssignVia;
  /** The agent it was taken from (lead reassign), if any. */
  previousAgentId: string | undefined;
  /** The agent's chat count with this one, for load displays. */
  agentActiveCount: number;
}

export type WithdrawReason = 'presence' | 'disconnected' | 'capacity' | 'queue_changed' | 'removed' | 'assigned_elsewhere';

export interface Release {
  agentId: string;
  /** The chats the agent lost, for the server to requeue at the head of their queues. */
  conversations: HeldConversation[];
}

export interface RouterEvents {
  /** Show the offer to the agent; it lapses at expiresAt. */
  onOffer?(offer: Offer): void;
  onAssigned?(assignment: Assignment): void;
  /** The agent let the offer lapse; the conversation goes on to the next agent. */
  onOfferExpired?(offer: Offer): void;
  /** The router took an offer back (the agent went away, lost capacity, the chat left…); hide it. */
  onOfferWithdrawn?(offer: Offer, reason: WithdrawReason): void;
  /** A disconnected agent did not return within the grace period. */
  onReleased?(release: Release): void;
}

export interface RouterDeps {
  now: Now;
  scheduler: Scheduler;
  queues?: Iterable<QueueConfig>;
  events?: RouterEvents;
  /** How long a disconnected agent keeps their chats; DEFAULT_DISCONNECT_GRACE_MS when absent. */
  graceMs?: number;
  /** Offers one agent may have pending at once; 1 when absent. */
  maxPendingOffersPerAgent?: number;
}

export type AcceptResult = { ok: true } | { ok: false; reason: 'not_waiting' | 'no_offer' | 'expired' | 'no_capacity' };
export type DeclineResult = { ok: true } | { ok: false; reason: 'not_waiting' | 'no_offer' };
export type AssignResult = { ok: true } | { ok: false; reason: 'unknown_agent' | 'not_allowed' | 'unavailable' | 'no_capacity' };

interface AgentRecord {
  state: AgentState;
  /** Chats this router knows the agent holds (activeCount may count more, loaded from the store). */
  held: Map<string, string | undefined>;
  /** Conversations currently offered to this agent. */
  pending: Set<string>;
  cancelGrace?: Cancel;
  /** The grace period ran out while disconnected and the chats were released; cleared on reconnect. */
  released: boolean;
}

interface LiveOffer {
  offer: Offer;
  cancel: Cancel;
}

interface Waiting extends WaitingEntry {
  item: WaitingItem & { declinedBy: string[] };
  offer?: LiveOffer;
}

export class Router {
  private readonly now: Now;
  private readonly scheduler: Scheduler;
  private readonly events: RouterEvents;
  private readonly graceMs: number;
  private readonly maxPending: number;
  private readonly queueConfigs = new Map<string, QueueConfig>();
  private readonly agentRecords = new Map<string, AgentRecord>();
  private readonly waitingById = new Map<string, Waiting>();
  /** Waiting entries in serving order (compareWaiting). */
  private readonly order: Waiting[] = [];
  /** The same entries per queue, in the same order. */
  private readonly lines = new Map<string, Waiting[]>();
  /** conversationId → agent holding it, for the chats this router knows about. */
  private readonly holders = new Map<string, string>();
  /** teamId → its agents, so a chat only looks at the agents who could serve it. */
  private readonly agentsByTeam = new Map<string, Set<AgentRecord>>();
  private seq = 0;
  private readonly outbox = createOutbox();
  // What changed since the last dispatch: only these can have made a new match possible.
  private readonly dirtyAgents = new Set<AgentRecord>();
  private readonly dirtyItems = new Set<Waiting>();
  private dispatchEverything = false;

  constructor(deps: RouterDeps) {
    this.now = deps.now;
    this.scheduler = deps.scheduler;
    this.events = deps.events ?? {};
    this.graceMs = deps.graceMs ?? DEFAULT_DISCONNECT_GRACE_MS;
    this.maxPending = deps.maxPendingOffersPerAgent ?? 1;
    for (const queue of deps.queues ?? []) this.queueConfigs.set(queue.id, queue);
  }

  // ── queues ──────────────────────────────────────────────────────────────────────────────────

  /** Adds or changes a queue; offers to agents who no longer serve it are withdrawn. */
  setQueue(queue: QueueConfig): void {
    this.run(() => {
      this.queueConfigs.set(queue.id, queue);
      this.dispatchEverything = true;
      for (const entry of this.order) {
        if (entry.item.queueId !== queue.id || !entry.offer) continue;
        const record = this.agentRecords.get(entry.offer.offer.agentId);
        if (!record || !servesQueue(record.state, queue) || this.overCap(record, queue)) this.withdraw(entry, 'queue_changed');
      }
    });
  }

  /** Removes a queue and hands back its waiting items (offers withdrawn) for the server to move. */
  removeQueue(queueId: string): WaitingItem[] {
    return this.run(() => {
      this.queueConfigs.delete(queueId);
      const items: WaitingItem[] = [];
      for (const entry of [...this.order]) {
        if (entry.item.queueId !== queueId) continue;
        if (entry.offer) this.withdraw(entry, 'removed');
        this.dropWaiting(entry);
        items.push(copyItem(entry.item));
      }
      return items;
    });
  }

  // ── agents ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Adds an agent or replaces their state (as loaded from the store). heldConversations names the
   * chats they hold, so a release can list them; activeCount is raised to at least their number.
   */
  upsertAgent(agent: AgentState, heldConversations?: readonly HeldConversation[]): void {
    this.run(() => {
      const existing = this.agentRecords.get(agent.id);
      const record: AgentRecord = existing ?? { state: copyAgent(agent), held: new Map(), pending: new Set(), released: false };
      this.unindex(record);
      record.state = copyAgent(agent);
      this.index(record);
      this.dirtyAgents.add(record);
      if (agent.disconnectedAt === undefined) record.released = false;
      for (const held of heldConversations ?? []) this.hold(record, held.conversationId, held.queueId);
      record.state.activeCount = Math.max(record.state.activeCount, record.held.size);
      this.agentRecords.set(agent.id, record);
      this.syncGraceTimer(record);
      this.withdrawInvalidOffers(record);
    });
  }

  /** Forgets an agent (account disabled); their chats are released like an expired grace period. */
  removeAgent(agentId: string): void {
    this.run(() => {
      const record = this.agentRecords.get(agentId);
      if (!record) return;
      this.withdrawAllOffers(record, 'removed');
      record.cancelGrace?.();
      this.release(record);
      this.unindex(record);
      this.agentRecords.delete(agentId);
    });
  }

  /** Presence change: only online agents receive offers; leaving online withdraws pending offers. */
  setPresence(agentId: string, presence: Presence, awayReason?: string): void {
    this.run(() => {
      const record = this.agentRecords.get(agentId);
      if (!record) return;
      record.state.presence = presence;
      this.dirtyAgents.add(record);
      if (presence === 'away' && awayReason !== undefined) record.state.awayReason = awayReason;
      else delete record.state.awayReason;
      this.withdrawInvalidOffers(record);
    });
  }

  /** Changes the agent's own cap (undefined: the default). Lowering it never takes chats away. */
  setCapacity(agentId: string, maxConcurrent: number | undefined): void {
    this.run(() => {
      const record = this.agentRecords.get(agentId);
      if (!record) return;
      if (maxConcurrent === undefined) delete record.state.maxConcurrent;
      else record.state.maxConcurrent = maxConcurrent;
      this.dirtyAgents.add(record);
      this.withdrawInvalidOffers(record);
    });
  }

  /** The agent's connection dropped: no offers from now on, and their chats are kept for the grace period. */
  disconnect(agentId: string): void {
    this.run(() => {
      const record = this.agentRecords.get(agentId);
      if (!record || record.state.disconnectedAt !== undefined) return;
      record.state.disconnectedAt = this.now();
      this.syncGraceTimer(record);
      this.withdrawAllOffers(record, 'disconnected');
    });
  }

  /**
   * The agent's connection is back. Returns true when they returned within the grace period and
   * still hold their chats; false when the chats were already released (or the agent is unknown).
   */
  reconnect(agentId: string): boolean {
    return this.run(() => {
      const record = this.agentRecords.get(agentId);
      if (!record) return false;
      const kept = !record.released;
      record.released = false;
      if (record.state.disconnectedAt === undefined) return kept;
      record.cancelGrace?.();
      delete record.cancelGrace;
      delete record.state.disconnectedAt;
      this.dirtyAgents.add(record);
      return kept;
    });
  }

  // ── conversations ───────────────────────────────────────────────────────────────────────────

  /**
   * Puts a conversation in line. atHead serves it before everything else (a released chat going
   * back). If an agent held it, their slot is freed (a transfer to a queue). Returns false when
   * the conversation is already waiting.
   */
  enqueue(item: WaitingItem, options: { atHead?: boolean } = {}): boolean {
    return this.run(() => {
      if (this.waitingById.has(item.conversationId)) return false;
      this.unhold(item.conversationId);
      const entry: Waiting = { item: copyItem(item), atHead: options.atHead ?? false, seq: this.seq++ };
      this.addWaiting(entry);
      this.dirtyItems.add(entry);
      return true;
    });
  }

  /**
   * The conversation left routing (closed, resolved, escalated away, the customer gave up): a
   * waiting item is dropped (its offer withdrawn) and a held chat frees its agent's slot. agentId
   * frees a slot for a chat the router did not see assigned (counted only in activeCount).
   */
  chatClosed(conversationId: string, agentId?: string): boolean {
    return this.run(() => {
      let changed = false;
      const entry = this.waitingById.get(conversationId);
      if (entry) {
        if (entry.offer) this.withdraw(entry, 'removed');
        this.dropWaiting(entry);
        changed = true;
      }
      if (this.unhold(conversationId)) changed = true;
      else if (!entry && agentId !== undefined) {
        const record = this.agentRecords.get(agentId);
        if (record && record.state.activeCount > record.held.size) {
          record.state.activeCount -= 1;
          this.dirtyAgents.add(record);
          changed = true;
        }
      }
      return changed;
    });
  }

  /** The offered agent takes the chat. Refused once the offer has lapsed (at or after expiresAt). */
  accept(conversationId: string, agentId: string): AcceptResult {
    return this.run((): AcceptResult => {
      const entry = this.waitingById.get(conversationId);
      if (!entry) return { ok: false, reason: 'not_waiting' };
      const live = entry.offer;
      if (!live || live.offer.agentId !== agentId) return { ok: false, reason: 'no_offer' };
      if (this.now() >= live.offer.expiresAt) {
        this.lapse(entry, live);
        return { ok: false, reason: 'expired' };
      }
      const record = this.agentRecords.get(agentId)!;
      const queue = this.queueConfigs.get(entry.item.queueId);
      // The offer reserved the slot; this only trips if the cap fell without the offer being withdrawn.
      if (record.state.activeCount >= effectiveCap(record.state, queue)) {
        this.withdraw(entry, 'capacity');
        return { ok: false, reason: 'no_capacity' };
      }
      this.clearOffer(entry);
      this.assignWaiting(entry, record, 'accepted');
      return { ok: true };
    });
  }

  /** The offered agent refuses; the chat goes to the next agent and is never offered to this one again. */
  decline(conversationId: string, agentId: string): DeclineResult {
    return this.run((): DeclineResult => {
      const entry = this.waitingById.get(conversationId);
      if (!entry) return { ok: false, reason: 'not_waiting' };
      if (!entry.offer || entry.offer.offer.agentId !== agentId) return { ok: false, reason: 'no_offer' };
      this.clearOffer(entry);
      if (!entry.item.declinedBy.includes(agentId)) entry.item.declinedBy.push(agentId);
      return { ok: true };
    });
  }

  /**
   * Gives the conversation to the agent directly: a transfer to an agent, or a lead's reassign.
   * Taken from whoever held it or out of the line. Needs an online agent with spare capacity
   * unless force is set (a lead may overload an agent on purpose).
   */
  assign(conversationId: string, agentId: string, options: { queueId?: string; force?: boolean } = {}): AssignResult {
    return this.run((): AssignResult => {
      const record = this.agentRecords.get(agentId);
      if (!record) return { ok: false, reason: 'unknown_agent' };
      const entry = this.waitingById.get(conversationId);
      const queueId = options.queueId ?? entry?.item.queueId ?? this.heldQueue(conversationId);
      if (this.holders.get(conversationId) === agentId) return { ok: true };
      const target = queueId === undefined ? undefined : this.queueConfigs.get(queueId);
      // Shop isolation is not a matter of load: not even a forced assign crosses it.
      if (target && !shopAllows(record.state, target)) return { ok: false, reason: 'not_allowed' };
      if (!options.force) {
        if (!isRoutable(record.state)) return { ok: false, reason: 'unavailable' };
        const ownOffer = entry?.offer?.offer.agentId === agentId ? 1 : 0;
        if (this.loadOf(record) - ownOffer >= effectiveCap(record.state, target)) return { ok: false, reason: 'no_capacity' };
      }
      if (entry?.offer) {
        if (entry.offer.offer.agentId === agentId) this.clearOffer(entry);
        else this.withdraw(entry, 'assigned_elsewhere');
      }
      this.giveTo(record, conversationId, queueId, 'manual', entry);
      return { ok: true };
    });
  }

  // ── reading ─────────────────────────────────────────────────────────────────────────────────

  /** Waiting items in serving order, of one queue or all. */
  waiting(queueId?: string): WaitingItem[] {
    return this.order.filter((entry) => queueId === undefined || entry.item.queueId === queueId).map((entry) => copyItem(entry.item));
  }

  isWaiting(conversationId: string): boolean {
    return this.waitingById.has(conversationId);
  }

  /** Pending offers, in serving order of their conversations. */
  offers(): Offer[] {
    return this.order.flatMap((entry) => (entry.offer ? [{ ...entry.offer.offer }] : []));
  }

  offerFor(conversationId: string): Offer | undefined {
    const live = this.waitingById.get(conversationId)?.offer;
    return live ? { ...live.offer } : undefined;
  }

  agent(agentId: string): AgentState | undefined {
    const record = this.agentRecords.get(agentId);
    return record ? copyAgent(record.state) : undefined;
  }

  agents(): AgentState[] {
    return [...this.agentRecords.values()].map((record) => copyAgent(record.state));
  }

  /** The agent this router knows to hold the conversation. */
  holderOf(conversationId: string): string | undefined {
    return this.holders.get(conversationId);
  }

  /** Chats the router knows the agent holds. */
  heldBy(agentId: string): HeldConversation[] {
    const record = this.agentRecords.get(agentId);
    return record ? [...record.held].map(([conversationId, queueId]) => ({ conversationId, queueId })) : [];
  }

  queue(queueId: string): QueueConfig | undefined {
    return this.queueConfigs.get(queueId);
  }

  /** Who could take a transfer to this queue or team now, best first; pending offers count as load. */
  transferTargets(target: { queueId: string } | { teamId: string }, options: { excludeAgentId?: string } = {}): TransferCandidate[] {
    const states = [...this.agentRecords.values()].map((record) => record.state);
    const loadOf = (agent: AgentState): number => this.loadOf(this.agentRecords.get(agent.id)!);
    if ('queueId' in target) {
      const queue = this.queueConfigs.get(target.queueId);
      return queue ? transferTargets({ queue }, states, this.now(), { ...options, loadOf }) : [];
    }
    return transferTargets({ teamId: target.teamId }, states, this.now(), { ...options, loadOf });
  }

  // ── persistence ─────────────────────────────────────────────────────────────────────────────

  /** Everything needed to carry on after a restart; queue configs are not included (they live in the store). */
  toJSON(): RouterSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      savedAt: this.now(),
      agents: [...this.agentRecords.values()].map((record) => ({
        ...copyAgent(record.state),
        ...(record.released ? { released: true } : {}),
        held: [...record.held].map(([conversationId, queueId]) => (queueId === undefined ? { conversationId } : { conversationId, queueId })),
      })),
      waiting: this.order.map((entry) => ({ item: copyItem(entry.item), atHead: entry.atHead })),
      offers: this.offers(),
    };
  }

  /**
   * Rebuilds a router from toJSON() output. Offers still running keep their expiry; an offer that
   * lapsed during the downtime counts as timed out and the chat is offered to the next agent.
   * Grace periods that ran out meanwhile release their chats. Events fire before this returns.
   */
  static restore(snapshot: unknown, deps: RouterDeps): Router {
    const data = parseSnapshot(snapshot);
    const router = new Router(deps);
    router.run(() => router.load(data));
    return router;
  }

  /** Cancels every timer; the router must not be used afterwards. */
  dispose(): void {
    for (const entry of this.order) entry.offer?.cancel();
    for (const record of this.agentRecords.values()) record.cancelGrace?.();
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private load(data: RouterSnapshot): void {
    const now = this.now();
    this.dispatchEverything = true;
    for (const saved of data.agents) {
      const { held, ...state } = saved;
      const { released, ...plain } = state;
      const record: AgentRecord = { state: copyAgent(plain), held: new Map(), pending: new Set(), released: released ?? false };
      this.agentRecords.set(state.id, record);
      this.index(record);
      for (const conversation of held) this.hold(record, conversation.conversationId, conversation.queueId);
    }
    for (const saved of data.waiting) {
      if (this.waitingById.has(saved.item.conversationId)) continue;
      this.addWaiting({ item: copyItem(saved.item), atHead: saved.atHead, seq: this.seq++ });
    }
    const lapsed: Waiting[] = [];
    for (const offer of [...data.offers].sort((a, b) => a.expiresAt - b.expiresAt)) {
      const entry = this.waitingById.get(offer.conversationId);
      const record = this.agentRecords.get(offer.agentId);
      if (!entry || entry.offer || !record) continue;
      this.startOffer(entry, record, { ...offer }, false);
      if (offer.expiresAt <= now) lapsed.push(entry);
    }
    for (const entry of lapsed) if (entry.offer) this.lapse(entry, entry.offer);
    for (const record of this.agentRecords.values()) {
      this.syncGraceTimer(record);
      this.withdrawInvalidOffers(record);
    }
  }

  /** Runs a public operation, matches what it made matchable, then delivers the events. */
  private run<T>(operation: () => T): T {
    const result = operation();
    this.dispatch();
    this.outbox.flush();
    return result;
  }

  private emit(event: () => void): void {
    this.outbox.emit(event);
  }

  /**
   * Offers or assigns what became matchable since the last dispatch, in serving order. Between
   * operations nothing waits un-offered while an agent who may take it has room, so only the
   * changed items (against every agent who could serve them) and the changed agents (against
   * every waiting item) need a look; a queue change or a restore looks at everything.
   */
  private dispatch(): void {
    const everything = this.dispatchEverything;
    const dirtyItems = new Set(this.dirtyItems);
    const freed = (everything ? [...this.agentRecords.values()] : [...this.dirtyAgents]).filter(
      (record) => this.agentRecords.get(record.state.id) === record && this.hasRoom(record),
    );
    this.dispatchEverything = false;
    this.dirtyItems.clear();
    this.dirtyAgents.clear();
    if (this.order.length === 0) return;

    const now = this.now();
    const loadOf = (agent: AgentState): number => this.loadOf(this.agentRecords.get(agent.id)!);
    const canTake = (record: AgentRecord, queue: QueueConfig): boolean =>
      this.hasRoom(record) && (queue.acceptMode === 'auto' || record.pending.size < this.maxPending);
    // Which freed agents serve a queue at all, worked out once per queue: the lines are long, the queues few.
    const servingCache = new Map<string, AgentRecord[]>();
    const freedServing = (queue: QueueConfig): AgentRecord[] => {
      let serving = servingCache.get(queue.id);
      if (!serving) {
        serving = freed.filter((record) => servesQueue(record.state, queue));
        servingCache.set(queue.id, serving);
      }
      return serving;
    };

    // Worth a look: the changed items, and the lines of the queues some freed agent can take from.
    let entries: Waiting[];
    if (everything) entries = [...this.order];
    else {
      const chosen = new Set<Waiting>(dirtyItems);
      for (const [queueId, line] of this.lines) {
        const queue = this.queueConfigs.get(queueId);
        if (queue && freedServing(queue).some((record) => canTake(record, queue))) for (const entry of line) chosen.add(entry);
      }
      entries = [...chosen].sort(compareWaiting);
    }

    let dirtyLeft = dirtyItems.size;
    for (const entry of entries) {
      if (!everything && dirtyLeft === 0 && freed.length === 0) break;
      const lookAtAll = everything || dirtyItems.has(entry);
      if (lookAtAll) dirtyLeft -= 1;
      if (entry.offer || this.waitingById.get(entry.item.conversationId) !== entry) continue;
      const queue = this.queueConfigs.get(entry.item.queueId);
      if (!queue) continue;
      const pool = lookAtAll ? this.teamMembers(queue) : freedServing(queue);
      const candidates: AgentState[] = [];
      for (const record of pool) if (canTake(record, queue)) candidates.push(record.state);
      if (candidates.length === 0) continue;
      const agent = pickAgent(queue, entry.item, candidates, now, { loadOf });
      if (!agent) continue;
      const record = this.agentRecords.get(agent.id)!;
      if (queue.acceptMode === 'auto') this.assignWaiting(entry, record, 'auto');
      else {
        const timeout = queue.offerTimeoutMs ?? DEFAULT_OFFER_TIMEOUT_MS;
        this.startOffer(entry, record, { conversationId: entry.item.conversationId, queueId: queue.id, agentId: agent.id, offeredAt: now, expiresAt: now + timeout }, true);
      }
      if (!this.hasRoom(record)) remove(freed, record);
    }
    // Matching only fills agents up and hands offers out, which frees nobody; should that ever
    // change, whatever it marked gets its own pass.
    if (this.dirtyItems.size > 0 || this.dirtyAgents.size > 0 || this.dispatchEverything) this.dispatch();
  }

  /** The agents of the queue's teams (each once). */
  private teamMembers(queue: QueueConfig): Iterable<AgentRecord> {
    if (queue.teamIds.length === 1) return this.agentsByTeam.get(queue.teamIds[0]!) ?? [];
    const members = new Set<AgentRecord>();
    for (const team of queue.teamIds) for (const record of this.agentsByTeam.get(team) ?? []) members.add(record);
    return members;
  }

  private index(record: AgentRecord): void {
    for (const team of record.state.teamIds) {
      const members = this.agentsByTeam.get(team) ?? new Set<AgentRecord>();
      members.add(record);
      this.agentsByTeam.set(team, members);
    }
  }

  private unindex(record: AgentRecord): void {
    for (const team of record.state.teamIds) {
      const members = this.agentsByTeam.get(team);
      members?.delete(record);
      if (members?.size === 0) this.agentsByTeam.delete(team);
    }
  }

  /** Online, connected and under their own cap (queue overrides are checked per chat). */
  private hasRoom(record: AgentRecord): boolean {
    return isRoutable(record.state) && this.loadOf(record) < effectiveCap(record.state);
  }

  /** Chats held plus offers pending: an offer reserves a slot until it is answered. */
  private loadOf(record: AgentRecord): number {
    return record.state.activeCount + record.pending.size;
  }

  private overCap(record: AgentRecord, queue: QueueConfig | undefined): boolean {
    return this.loadOf(record) > effectiveCap(record.state, queue);
  }

  private startOffer(entry: Waiting, record: AgentRecord, offer: Offer, announce: boolean): void {
    const live: LiveOffer = { offer, cancel: () => undefined };
    live.cancel = this.scheduler.at(offer.expiresAt, () =>
      this.run(() => {
        if (entry.offer !== live) return;
        this.lapse(entry, live);
      }),
    );
    entry.offer = live;
    record.pending.add(offer.conversationId);
    if (announce) this.emit(() => this.events.onOffer?.({ ...offer }));
  }

  /** The offer timed out: the agent joins the item's decliners and the offer is gone. */
  private lapse(entry: Waiting, live: LiveOffer): void {
    this.clearOffer(entry);
    const agentId = live.offer.agentId;
    if (!entry.item.declinedBy.includes(agentId)) entry.item.declinedBy.push(agentId);
    const offer = { ...live.offer };
    this.emit(() => this.events.onOfferExpired?.(offer));
  }

  private withdraw(entry: Waiting, reason: WithdrawReason): void {
    const live = entry.offer;
    if (!live) return;
    this.clearOffer(entry);
    const offer = { ...live.offer };
    this.emit(() => this.events.onOfferWithdrawn?.(offer, reason));
  }

  private clearOffer(entry: Waiting): void {
    const live = entry.offer;
    if (!live) return;
    live.cancel();
    delete entry.offer;
    const record = this.agentRecords.get(live.offer.agentId);
    if (record) {
      record.pending.delete(live.offer.conversationId);
      this.dirtyAgents.add(record);
    }
    // (an entry that was just assigned is no longer waiting; dispatch skips it)
    this.dirtyItems.add(entry);
  }

  /** Withdraws the agent's offers that no longer stand: not routable, or the cap fell below the load. */
  private withdrawInvalidOffers(record: AgentRecord): void {
    if (record.pending.size === 0) return;
    if (!isRoutable(record.state)) {
      this.withdrawAllOffers(record, record.state.disconnectedAt === undefined ? 'presence' : 'disconnected');
      return;
    }
    for (const conversationId of [...record.pending]) {
      const entry = this.waitingById.get(conversationId);
      if (!entry) continue;
      const queue = this.queueConfigs.get(entry.item.queueId);
      if (!queue || !servesQueue(record.state, queue)) this.withdraw(entry, 'queue_changed');
      else if (this.overCap(record, queue)) this.withdraw(entry, 'capacity');
    }
  }

  private withdrawAllOffers(record: AgentRecord, reason: WithdrawReason): void {
    for (const conversationId of [...record.pending]) {
      const entry = this.waitingById.get(conversationId);
      if (entry) this.withdraw(entry, reason);
    }
  }

  private assignWaiting(entry: Waiting, record: AgentRecord, via: AssignVia): void {
    this.giveTo(record, entry.item.conversationId, entry.item.queueId, via, entry);
  }

  /** The conversation becomes the agent's: out of the line if it waited, away from its previous holder. */
  private giveTo(record: AgentRecord, conversationId: string, queueId: string | undefined, via: AssignVia, entry: Waiting | undefined): void {
    if (entry) this.dropWaiting(entry);
    const previousAgentId = this.holders.get(conversationId);
    this.unhold(conversationId);
    const now = this.now();
    this.hold(record, conversationId, queueId);
    record.state.activeCount += 1;
    record.state.lastAssignedAt = now;
    const assignment: Assignment = {
      conversationId,
      queueId,
      agentId: record.state.id,
      assignedAt: now,
      enqueuedAt: entry?.item.enqueuedAt,
      via,
      previousAgentId,
      agentActiveCount: record.state.activeCount,
    };
    this.emit(() => this.events.onAssigned?.(assignment));
  }

  private addWaiting(entry: Waiting): void {
    this.waitingById.set(entry.item.conversationId, entry);
    insertSorted(this.order, entry);
    const line = this.lines.get(entry.item.queueId) ?? [];
    insertSorted(line, entry);
    this.lines.set(entry.item.queueId, line);
  }

  private dropWaiting(entry: Waiting): void {
    this.waitingById.delete(entry.item.conversationId);
    remove(this.order, entry);
    const line = this.lines.get(entry.item.queueId);
    if (line) {
      remove(line, entry);
      if (line.length === 0) this.lines.delete(entry.item.queueId);
    }
  }


  private hold(record: AgentRecord, conversationId: string, queueId: string | undefined): void {
    const previous = this.holders.get(conversationId);
    if (previous !== undefined && previous !== record.state.id) this.unhold(conversationId);
    record.held.set(conversationId, queueId);
    this.holders.set(conversationId, record.state.id);
  }

  /** Frees the slot of the agent holding the conversation; false when nobody (known) held it. */
  private unhold(conversationId: string): boolean {
    const agentId = this.holders.get(conversationId);
    if (agentId === undefined) return false;
    this.holders.delete(conversationId);
    const record = this.agentRecords.get(agentId);
    if (record?.held.delete(conversationId)) {
      record.state.activeCount = Math.max(0, record.state.activeCount - 1);
      this.dirtyAgents.add(record);
    }
    return true;
  }

  private heldQueue(conversationId: string): string | undefined {
    const agentId = this.holders.get(conversationId);
    return agentId === undefined ? undefined : this.agentRecords.get(agentId)?.held.get(conversationId);
  }

  /** Arms or cancels the grace timer to match disconnectedAt; an already-elapsed grace releases now. */
  private syncGraceTimer(record: AgentRecord): void {
    const since = record.state.disconnectedAt;
    if (since === undefined) {
      record.cancelGrace?.();
      delete record.cancelGrace;
      return;
    }
    if (record.cancelGrace || record.released) return;
    const dueAt = since + this.graceMs;
    if (dueAt <= this.now()) {
      this.release(record);
      return;
    }
    const cancel = this.scheduler.at(dueAt, () =>
      this.run(() => {
        if (record.cancelGrace !== cancel || this.agentRecords.get(record.state.id) !== record) return;
        delete record.cancelGrace;
        this.release(record);
      }),
    );
    record.cancelGrace = cancel;
  }

  /** The agent loses every chat and goes offline; the server requeues what they held. */
  private release(record: AgentRecord): void {
    const conversations: HeldConversation[] = [...record.held].map(([conversationId, queueId]) => ({ conversationId, queueId }));
    for (const { conversationId } of conversations) this.holders.delete(conversationId);
    record.held.clear();
    record.state.activeCount = 0;
    record.released = true;
    record.state.presence = 'offline';
    delete record.state.awayReason;
    this.withdrawAllOffers(record, 'disconnected');
    const release: Release = { agentId: record.state.id, conversations };
    this.emit(() => this.events.onReleased?.(release));
  }
}

function remove<T>(list: T[], value: T): void {
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
}

function copyItem(item: WaitingItem): WaitingItem & { declinedBy: string[] } {
  return { ...item, declinedBy: [...item.declinedBy] };
}

function copyAgent(agent: AgentState): AgentState {
  return { ...agent, teamIds: [...agent.teamIds], skills: [...agent.skills] };
}
