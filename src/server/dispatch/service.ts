import type { PresenceChanged } from '../../shared/api/sync';
import { ACTIVE_STATUSES, type ConversationStatus } from '../../shared/domain/conversations';
import type { ConversationLifecycle } from '../conversations/service';
import type { ConversationsReads } from '../conversations/store';
import type { Writer } from '../db/writer';
import { Rejection } from '../mutations/rejection';
import { Router, type Assignment, type Release } from '../routing/router';
import type { Now, Scheduler } from '../routing/scheduler';
import type { AgentState, HeldConversation, Offer, Presence, QueueConfig } from '../routing/types';
import type { AgentProfile, DispatchStore } from './store';

/** A live event for one user's sockets (`{t:'event', name, payload}`). */
export type Notify = (userId: string, frame: { t: 'event'; name: string; payload: unknown }) => void;

export interface RoutingDeps {
  writer: Writer;
  store: DispatchStore;
  conversations: ConversationsReads;
  lifecycle: ConversationLifecycle;
  /** conversations changed since the last look (filled by the tracked conversations store) */
  changed: Set<string>;
  now: Now;
  scheduler: Scheduler;
  graceMs?: number;
  notify?: Notify;
  reportError?: (error: unknown) => void;
}

/**
 * The routing feature: one Router per server, built from the database and kept in line with it.
 * The database stays the truth: after each commit the conversations that changed are compared
 * with the router (queued → waiting, assigned → held, anything else → gone); the router's own
 * decisions (an auto-assign, a release after the grace period) are written back as ordinary
 * lifecycle steps. Presence, offers and grace timers live only in memory.
 */
export class RoutingService {
  readonly router: Router;
  /** released chats the next look puts at the head of their queue */
  private readonly atHead = new Set<string>();
  private looking = false;
  private disposed = false;

  constructor(private readonly deps: RoutingDeps) {
    this.router = new Router({
      now: deps.now,
      scheduler: deps.scheduler,
      graceMs: deps.graceMs,
      events: {
        onOffer: (offer) => this.announce(offer),
        onOfferExpired: (offer) => this.withdrawn(offer, 'expired'),
        onOfferWithdrawn: (offer, reason) => this.withdrawn(offer, reason),
        onAssigned: (assignment) => this.assigned(assignment),
        onReleased: (release) => this.released(release),
      },
    });
    this.load();
    deps.writer.onCommit(() => this.lookAtChanges());
  }

  /** presence.set: the caller's own availability. */
  setPresence(userId: string, presence: Presence, reason?: string): void {
    if (!this.refreshAgent(userId)) throw new Rejection('forbidden', 'you do not serve any queue');
    this.router.setPresence(userId, presence, reason);
    this.tellPresence(userId);
  }

  /** The user's workstations hear their presence as routing holds it (on connect, and after each change). */
  private tellPresence(userId: string): void {
    const agent = this.router.agent(userId);
    if (!agent) return;
    const payload: PresenceChanged = { presence: agent.presence, ...(agent.awayReason ? { reason: agent.awayReason } : {}) };
    this.deps.notify?.(userId, { t: 'event', name: 'presence.changed', payload });
  }

  /** conversations.decline: only the agent the conversation is offered to may decline it. */
  decline(userId: string, conversationId: string): void {
    const result = this.router.decline(conversationId, userId);
    if (!result.ok) throw new Rejection('conflict', 'the conversation is not offered to you');
  }

  /** A socket of the user opened: back within the grace period keeps their chats. */
  connected(userId: string): void {
    if (this.disposed) return;
    if (!this.router.agent(userId) && !this.refreshAgent(userId)) return;
    this.router.reconnect(userId);
    this.tellPresence(userId);
  }

  /** The user's last socket closed: no offers, and the grace period starts. */
  disconnected(userId: string): void {
    if (this.disposed) return;
    this.router.disconnect(userId);
  }

  /** Every queue as routing configures it (the queue stats' snapshot lists the empty ones too). */
  queues(): QueueConfig[] {
    return this.deps.store.queues();
  }

  /** Stops the timers; sockets closing during shutdown are not disconnects any more. */
  dispose(): void {
    this.disposed = true;
    this.router.dispose();
  }

  // ── building from the database ──────────────────────────────────────────────────────────────

  private load(): void {
    const { store, conversations } = this.deps;
    for (const queue of store.queues()) this.router.setQueue(queue);
    const held = new Map<string, HeldConversation[]>();
    for (const a of store.assigned()) {
      const list = held.get(a.agentId) ?? [];
      list.push({ conversationId: a.conversationId, queueId: a.queueId });
      held.set(a.agentId, list);
    }
    for (const agent of store.agents()) {
      this.router.upsertAgent(agentState(agent, { presence: 'offline', activeCount: conversations.activeCountFor(agent.id) }), held.get(agent.id));
    }
    for (const q of store.queued()) {
      this.router.enqueue({ conversationId: q.conversationId, queueId: q.queueId, enqueuedAt: q.queuedAt, priority: q.vip ? 1 : 0, declinedBy: [] });
    }
  }

  /**
   * Re-reads the agent's profile (teams, shop, skills, cap), keeping what only the router knows.
   * An agent the router has not met yet (added after start-up) comes with the chats they hold,
   * each counted once; one the router still has waiting is left to reconcile(), which takes it out
   * of its line as it assigns it.
   */
  private refreshAgent(userId: string): boolean {
    const profile = this.deps.store.agent(userId);
    if (!profile || profile.teamIds.length === 0) return false;
    const current = this.router.agent(userId);
    const held = current ? undefined : this.deps.store.heldBy(userId).filter((h) => !this.router.isWaiting(h.conversationId));
    this.router.upsertAgent(
      agentState(profile, {
        presence: current?.presence ?? 'offline',
        // upsertAgent counts the held chats
        activeCount: current?.activeCount ?? 0,
        ...(current?.awayReason === undefined ? {} : { awayReason: current.awayReason }),
        ...(current?.lastAssignedAt === undefined ? {} : { lastAssignedAt: current.lastAssignedAt }),
        ...(current?.disconnectedAt === undefined ? {} : { disconnectedAt: current.disconnectedAt }),
      }),
      held,
    );
    return true;
  }

  private ensureQueue(queueId: string): boolean {
    if (this.router.queue(queueId)) return true;
    const queue = this.deps.store.queue(queueId);
    if (!queue) return false;
    this.router.setQueue(queue);
    return true;
  }

  // ── the database → the router ───────────────────────────────────────────────────────────────

  /** Runs after each commit; a write made while looking (an auto-assign) is picked up by the same loop. */
  private lookAtChanges(): void {
    if (this.looking) return;
    this.looking = true;
    try {
      while (this.deps.changed.size > 0) {
        const ids = [...this.deps.changed];
        this.deps.changed.clear();
        for (const id of ids) this.reconcile(id);
      }
    } finally {
      this.looking = false;
    }
  }

  private reconcile(conversationId: string): void {
    const { router } = this;
    const conversation = this.deps.conversations.conversation(conversationId);
    if (!conversation || conversation.deleted) {
      router.chatClosed(conversationId);
      return;
    }
    if (conversation.status === 'queued') {
      if (router.isWaiting(conversationId)) {
        if (router.waiting(conversation.queueId).some((w) => w.conversationId === conversationId)) return;
        router.chatClosed(conversationId); // moved to another queue while waiting
      }
      if (!this.ensureQueue(conversation.queueId)) return;
      // A chat its holder sent back to a queue (a transfer) is not offered back to them; one the
      // router released (its agent's grace period ran out) may return to them later.
      const released = this.atHead.delete(conversationId);
      const sentBackBy = released ? undefined : router.holderOf(conversationId);
      router.enqueue(
        {
          conversationId,
          queueId: conversation.queueId,
          enqueuedAt: conversation.queuedAt ?? this.deps.now(),
          priority: this.deps.store.isVip(conversationId) ? 1 : 0,
          declinedBy: sentBackBy ? [sentBackBy] : [],
        },
        { atHead: released },
      );
      return;
    }
    const agentId = conversation.assigneeId;
    if (isActive(conversation.status) && agentId) {
      if (!router.agent(agentId)) this.refreshAgent(agentId);
      if (router.holderOf(conversationId) === agentId) return;
      // Accepting the offer is the normal path; taking it from the line or a transfer is a manual assign.
      if (router.offerFor(conversationId)?.agentId === agentId && router.accept(conversationId, agentId).ok) return;
      router.assign(conversationId, agentId, { queueId: conversation.queueId, force: true });
      return;
    }
    router.chatClosed(conversationId, router.holderOf(conversationId) ? undefined : (agentId ?? undefined));
  }

  // ── the router → agents and the database ────────────────────────────────────────────────────

  private announce(offer: Offer): void {
    const customer = this.deps.store.customerOf(offer.conversationId);
    this.notify(offer.agentId, 'offers.changed', {
      conversationId: offer.conversationId,
      queueId: offer.queueId,
      expiresAt: offer.expiresAt,
      customer: customer ?? null,
    });
  }

  private withdrawn(offer: Offer, reason: string): void {
    this.notify(offer.agentId, 'offers.withdrawn', { conversationId: offer.conversationId, reason });
  }

  /**
   * Accepts and transfers are already in the database; an auto-assign is written here, like an
   * accept. One decided while a commit is being announced (a new chat came in) is written once
   * the announcement is over, so its rows are pushed after those of the commit that caused it.
   */
  private assigned(assignment: Assignment): void {
    if (this.looking) queueMicrotask(() => this.writeAssignment(assignment));
    else this.writeAssignment(assignment);
  }

  private writeAssignment(assignment: Assignment): void {
    const { conversations, lifecycle, writer, now } = this.deps;
    if (this.disposed) return;
    const conversation = conversations.conversation(assignment.conversationId);
    if (!conversation || conversation.status !== 'queued') return;
    this.safely(() => writer.write((tx) => lifecycle.assign(tx, assignment.conversationId, assignment.agentId, now())));
  }

  private released(release: Release): void {
    const { lifecycle, writer, now } = this.deps;
    for (const held of release.conversations) {
      this.atHead.add(held.conversationId);
      this.safely(() => writer.write((tx) => lifecycle.requeueReleased(tx, held.conversationId, release.agentId, now())));
    }
  }

  private notify(userId: string, name: string, payload: unknown): void {
    this.safely(() => this.deps.notify?.(userId, { t: 'event', name, payload }));
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.deps.reportError?.(error);
    }
  }
}

function isActive(status: ConversationStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

function agentState(profile: AgentProfile, live: Pick<AgentState, 'presence' | 'activeCount' | 'awayReason' | 'lastAssignedAt' | 'disconnectedAt'>): AgentState {
  return {
    id: profile.id,
    teamIds: profile.teamIds,
    ...(profile.shopId === undefined ? {} : { shopId: profile.shopId }),
    skills: profile.skills,
    maxConcurrent: profile.maxConcurrent,
    ...live,
  };
}
