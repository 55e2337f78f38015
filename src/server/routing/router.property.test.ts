// Random sequences of routing events against a model of what must always hold: no agent over their
// cap, no chat assigned twice, no chat lost, no offer to someone who may not take it, and no chat
// left waiting while someone who may take it sits free.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Router, type Assignment } from './router';
import { FakeScheduler } from './testing/fakeScheduler';
import type { AgentState, Offer, Presence, QueueConfig } from './types';

const QUEUES: QueueConfig[] = [
  { id: 'platform', kind: 'platform', teamIds: ['t1'], acceptMode: 'offer' },
  { id: 'auto', kind: 'platform', teamIds: ['t1', 't2'], acceptMode: 'auto', maxConcurrentPerAgent: 2 },
  { id: 'skilled', kind: 'platform', teamIds: ['t2'], acceptMode: 'offer', requiredSkills: ['en'], offerTimeoutMs: 5_000 },
  { id: 'shop-a', kind: 'merchant', shopId: 'shop-a', teamIds: ['shop-a'], acceptMode: 'offer', maxConcurrentPerAgent: 3 },
  { id: 'shop-b', kind: 'merchant', shopId: 'shop-b', teamIds: ['shop-b'], acceptMode: 'auto' },
];
const QUEUE_BY_ID = new Map(QUEUES.map((queue) => [queue.id, queue]));

const AGENTS: AgentState[] = [
  // p1 sits in the skilled queue's team without its skill
  { id: 'p1', teamIds: ['t1', 't2'], skills: [], presence: 'online', activeCount: 0 },
  { id: 'p2', teamIds: ['t1', 't2'], skills: ['en'], presence: 'online', activeCount: 0, maxConcurrent: 3 },
  { id: 'p3', teamIds: ['t2'], skills: ['en'], presence: 'away', activeCount: 0 },
  { id: 'sa1', teamIds: ['shop-a'], shopId: 'shop-a', skills: [], presence: 'online', activeCount: 0 },
  { id: 'sa2', teamIds: ['shop-a', 't1'], shopId: 'shop-a', skills: ['en'], presence: 'online', activeCount: 0, maxConcurrent: 1 },
  { id: 'sb1', teamIds: ['shop-b'], shopId: 'shop-b', skills: [], presence: 'offline', activeCount: 0 },
  // a misconfigured team: shop B's agent listed in shop A's team must still never see shop A's chats
  { id: 'sb2', teamIds: ['shop-a', 'shop-b'], shopId: 'shop-b', skills: [], presence: 'online', activeCount: 0 },
];

type Command =
  | { kind: 'enqueue'; queue: number; vip: boolean }
  | { kind: 'accept'; pick: number; wrongAgent: boolean }
  | { kind: 'decline'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'presence'; agent: number; presence: Presence }
  | { kind: 'capacity'; agent: number; cap: number | undefined }
  | { kind: 'close'; pick: number }
  | { kind: 'abandon'; pick: number }
  | { kind: 'disconnect'; agent: number }
  | { kind: 'reconnect'; agent: number }
  | { kind: 'assign'; pick: number; agent: number }
  | { kind: 'restart' };

const index = fc.nat({ max: 50 });
const agentIndex = fc.nat({ max: AGENTS.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('enqueue' as const), queue: fc.nat({ max: QUEUES.length - 1 }), vip: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('accept' as const), pick: index, wrongAgent: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decline' as const), pick: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.nat({ max: 25_000 }), fc.constantFrom(5_000, 20_000, 60_000)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('presence' as const), agent: agentIndex, presence: fc.constantFrom<Presence>('online', 'online', 'busy', 'away', 'offline') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), agent: agentIndex, cap: fc.option(fc.nat({ max: 6 }), { nil: undefined }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('close' as const), pick: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('abandon' as const), pick: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), agent: agentIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconnect' as const), agent: agentIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign' as const), pick: index, agent: agentIndex }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

type Status = 'waiting' | 'assigned' | 'gone';

// The rules restated independently of pickAgent.ts, so a bug there cannot hide itself.
function mayServe(agentId: string, queue: QueueConfig): boolean {
  const agent = AGENTS.find((candidate) => candidate.id === agentId)!;
  const shopOk = queue.kind === 'merchant' ? agent.shopId === queue.shopId : agent.shopId === undefined;
  const teamOk = agent.teamIds.some((team) => queue.teamIds.includes(team));
  const skillsOk = (queue.requiredSkills ?? []).every((skill) => agent.skills.includes(skill));
  return shopOk && teamOk && skillsOk;
}

/** What the test knows independently of the router. */
class Model {
  status = new Map<string, Status>();
  /** Agents who declined or let lapse the conversation's current stay in line. */
  refused = new Map<string, Set<string>>();
  caps = new Map<string, number | undefined>(AGENTS.map((agent) => [agent.id, agent.maxConcurrent]));
  presence = new Map<string, Presence>(AGENTS.map((agent) => [agent.id, agent.presence]));
  connected = new Map<string, boolean>(AGENTS.map((agent) => [agent.id, true]));
  /** Serving-order key of each waiting conversation: head flag, priority, enqueue time, arrival. */
  orderKey = new Map<string, [number, number, number, number]>();
  arrivals = 0;
  assignments = 0;
  failures: string[] = [];

  fail(message: string): void {
    this.failures.push(message);
  }
}

function pickFrom<T>(list: readonly T[], pick: number): T | undefined {
  return list.length === 0 ? undefined : list[pick % list.length];
}

function capOf(model: Model, agentId: string, queue?: QueueConfig): number {
  const own = model.caps.get(agentId) ?? 5;
  return queue?.maxConcurrentPerAgent === undefined ? own : Math.min(own, queue.maxConcurrentPerAgent);
}

function available(model: Model, agentId: string): boolean {
  return model.presence.get(agentId) === 'online' && model.connected.get(agentId) === true;
}

function queueUp(model: Model, conversationId: string, atHead: boolean, priority: number, enqueuedAt: number): void {
  model.status.set(conversationId, 'waiting');
  model.refused.set(conversationId, new Set());
  model.orderKey.set(conversationId, [atHead ? 0 : 1, -priority, enqueuedAt, model.arrivals++]);
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function makeEvents(model: Model, routerRef: { current: Router }, clock: FakeScheduler) {
  return {
    onOffer(offer: Offer) {
      const queue = QUEUE_BY_ID.get(offer.queueId)!;
      if (model.status.get(offer.conversationId) !== 'waiting') model.fail(`offered ${offer.conversationId} while not waiting`);
      if (model.refused.get(offer.conversationId)?.has(offer.agentId)) model.fail(`offered ${offer.conversationId} back to ${offer.agentId}`);
      if (!mayServe(offer.agentId, queue)) model.fail(`offered ${offer.conversationId} (${queue.id}) to ${offer.agentId}, who may not serve it`);
      if (!available(model, offer.agentId)) model.fail(`offered ${offer.conversationId} to ${offer.agentId}, who is not available`);
      if (queue.acceptMode === 'auto') model.fail(`offered a chat of the auto-accept queue ${queue.id}`);
    },
    onAssigned(assignment: Assignment) {
      model.assignments += 1;
      const { conversationId, agentId } = assignment;
      if (model.status.get(conversationId) !== 'waiting') model.fail(`assigned ${conversationId} while ${model.status.get(conversationId)}`);
      model.status.set(conversationId, 'assigned');
      model.orderKey.delete(conversationId);
      const queue = assignment.queueId === undefined ? undefined : QUEUE_BY_ID.get(assignment.queueId);
      const cap = capOf(model, agentId, queue);
      if (assignment.agentActiveCount > cap) model.fail(`${agentId} got ${conversationId} as chat ${assignment.agentActiveCount} of ${cap}`);
      if (queue && !mayServe(agentId, queue)) model.fail(`${agentId} got ${conversationId} of ${queue.id}`);
      if (!available(model, agentId)) model.fail(`${agentId} got ${conversationId} while not available`);
    },
    onOfferExpired(offer: Offer) {
      model.refused.get(offer.conversationId)?.add(offer.agentId);
    },
    onReleased(release: { agentId: string; conversations: { conversationId: string; queueId: string | undefined }[] }) {
      model.presence.set(release.agentId, 'offline');
      if (model.connected.get(release.agentId)) model.fail(`released the chats of ${release.agentId}, who is connected`);
      // the server requeues released chats at the head of their queues
      for (const { conversationId, queueId } of release.conversations) {
        if (model.status.get(conversationId) !== 'assigned') model.fail(`released ${conversationId} while ${model.status.get(conversationId)}`);
        queueUp(model, conversationId, true, 0, clock.now());
        const added = routerRef.current.enqueue({ conversationId, queueId: queueId!, enqueuedAt: clock.now(), declinedBy: [] }, { atHead: true });
        if (!added) model.fail(`could not requeue ${conversationId}`);
      }
    },
  };
}

/** Every invariant that must hold between two commands. */
function checkState(model: Model, router: Router): void {
  const waiting = router.waiting();
  for (let i = 1; i < waiting.length; i++) {
    const before = model.orderKey.get(waiting[i - 1]!.conversationId);
    const after = model.orderKey.get(waiting[i]!.conversationId);
    if (before && after && compareKeys(before, after) > 0) model.fail(`${waiting[i]!.conversationId} is served before ${waiting[i - 1]!.conversationId}`);
  }
  const waitingIds = new Set(waiting.map((item) => item.conversationId));
  for (const [conversationId, status] of model.status) {
    if (status === 'waiting' && !waitingIds.has(conversationId)) model.fail(`${conversationId} lost: neither waiting nor assigned`);
    if (status !== 'waiting' && waitingIds.has(conversationId)) model.fail(`${conversationId} waiting while ${status}`);
    if (status === 'assigned' && router.holderOf(conversationId) === undefined) model.fail(`${conversationId} assigned to nobody`);
    if (status !== 'assigned' && router.holderOf(conversationId) !== undefined) model.fail(`${conversationId} held while ${status}`);
  }
  const offers = router.offers();
  const pendingBy = new Map<string, Offer[]>();
  for (const offer of offers) pendingBy.set(offer.agentId, [...(pendingBy.get(offer.agentId) ?? []), offer]);
  for (const agent of router.agents()) {
    const pending = pendingBy.get(agent.id) ?? [];
    const held = router.heldBy(agent.id).length;
    if (agent.activeCount !== held) model.fail(`${agent.id} counts ${agent.activeCount} chats but holds ${held}`);
    if (pending.length > 1) model.fail(`${agent.id} has ${pending.length} pending offers`);
    for (const offer of pending) {
      if (!available(model, agent.id)) model.fail(`${agent.id} (${agent.presence}) still has an offer`);
      if (agent.activeCount + pending.length > capOf(model, agent.id, QUEUE_BY_ID.get(offer.queueId))) model.fail(`${agent.id} has an offer beyond their cap`);
    }
  }
  // Work conservation: nothing waits, un-offered, while an agent who may take it has room.
  for (const item of waiting) {
    if (offers.some((offer) => offer.conversationId === item.conversationId)) continue;
    const queue = QUEUE_BY_ID.get(item.queueId)!;
    for (const agent of router.agents()) {
      const pending = pendingBy.get(agent.id)?.length ?? 0;
      if (!available(model, agent.id) || !mayServe(agent.id, queue) || model.refused.get(item.conversationId)?.has(agent.id)) continue;
      const load = agent.activeCount + pending;
      const room = load < capOf(model, agent.id, queue) && load < capOf(model, agent.id);
      if (queue.acceptMode === 'offer' ? room && pending === 0 : room) {
        model.fail(`${item.conversationId} waits while ${agent.id} could take it`);
      }
    }
  }
}

function run(commands: Command[]): Model {
  const model = new Model();
  const clock = new FakeScheduler();
  const ref = { current: undefined as unknown as Router };
  const events = makeEvents(model, ref, clock);
  ref.current = new Router({ now: clock.now, scheduler: clock, queues: QUEUES, events, graceMs: 30_000 });
  for (const agent of AGENTS) ref.current.upsertAgent(agent);
  let next = 0;
  const conversationsWith = (status: Status) => [...model.status].filter(([, s]) => s === status).map(([id]) => id);

  for (const step of commands) {
    const router = ref.current;
    switch (step.kind) {
      case 'enqueue': {
        const conversationId = `c${next++}`;
        queueUp(model, conversationId, false, step.vip ? 1 : 0, clock.now());
        router.enqueue({ conversationId, queueId: QUEUES[step.queue]!.id, enqueuedAt: clock.now(), declinedBy: [], ...(step.vip ? { priority: 1 } : {}) });
        break;
      }
      case 'accept': {
        const offer = pickFrom(router.offers(), step.pick);
        if (!offer) break;
        const agentId = step.wrongAgent ? pickFrom(AGENTS, step.pick)!.id : offer.agentId;
        const result = router.accept(offer.conversationId, agentId);
        if (agentId !== offer.agentId && result.ok) model.fail(`${agentId} accepted an offer made to ${offer.agentId}`);
        break;
      }
      case 'decline': {
        const offer = pickFrom(router.offers(), step.pick);
        if (!offer) break;
        model.refused.get(offer.conversationId)?.add(offer.agentId);
        if (!router.decline(offer.conversationId, offer.agentId).ok) model.fail('decline of a pending offer refused');
        break;
      }
      case 'advance':
        clock.advance(step.ms);
        break;
      case 'presence':
        model.presence.set(AGENTS[step.agent]!.id, step.presence);
        router.setPresence(AGENTS[step.agent]!.id, step.presence);
        break;
      case 'capacity':
        model.caps.set(AGENTS[step.agent]!.id, step.cap);
        router.setCapacity(AGENTS[step.agent]!.id, step.cap);
        break;
      case 'close': {
        const conversationId = pickFrom(conversationsWith('assigned'), step.pick);
        if (!conversationId) break;
        model.status.set(conversationId, 'gone');
        if (!router.chatClosed(conversationId)) model.fail(`closing ${conversationId} changed nothing`);
        break;
      }
      case 'abandon': {
        const conversationId = pickFrom(conversationsWith('waiting'), step.pick);
        if (!conversationId) break;
        model.status.set(conversationId, 'gone');
        model.orderKey.delete(conversationId);
        router.chatClosed(conversationId);
        break;
      }
      case 'disconnect':
        model.connected.set(AGENTS[step.agent]!.id, false);
        router.disconnect(AGENTS[step.agent]!.id);
        break;
      case 'reconnect':
        model.connected.set(AGENTS[step.agent]!.id, true);
        router.reconnect(AGENTS[step.agent]!.id);
        break;
      case 'assign': {
        const conversationId = pickFrom(conversationsWith('waiting'), step.pick);
        if (!conversationId) break;
        const agentId = AGENTS[step.agent]!.id;
        const item = router.waiting().find((w) => w.conversationId === conversationId)!;
        // a lead only moves a chat to an agent who may serve its queue
        if (!mayServe(agentId, QUEUE_BY_ID.get(item.queueId)!)) break;
        router.assign(conversationId, agentId);
        break;
      }
      case 'restart': {
        const snapshot = JSON.parse(JSON.stringify(router.toJSON())) as unknown;
        router.dispose();
        ref.current = Router.restore(snapshot, { now: clock.now, scheduler: clock, queues: QUEUES, events, graceMs: 30_000 });
        break;
      }
    }
    checkState(model, ref.current);
    if (model.failures.length > 0) break;
  }

  // Drain: everyone online, connected and roomy; offers answered or left to lapse until nothing moves.
  const router = ref.current;
  for (const agent of AGENTS) {
    model.connected.set(agent.id, true);
    router.reconnect(agent.id);
    model.caps.set(agent.id, 50);
    router.setCapacity(agent.id, 50);
    model.presence.set(agent.id, 'online');
    router.setPresence(agent.id, 'online');
  }
  for (let round = 0; round < 200 && router.offers().length > 0; round++) {
    const offer = router.offers()[0]!;
    if (round % 3 === 0) clock.advance(offer.expiresAt - clock.now());
    else router.accept(offer.conversationId, offer.agentId);
    checkState(model, ref.current);
  }
  checkState(model, router);
  router.dispose();
  return model;
}

describe('Router under random event sequences', () => {
  it('never exceeds a cap, never assigns twice, never loses a chat, never leaves one idle', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 120 }), (commands) => {
        const model = run(commands);
        expect(model.failures).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a long busy day keeps every invariant too', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 400, maxLength: 800 }), (commands) => {
        const model = run(commands);
        expect(model.failures).toEqual([]);
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
});
