import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISCONNECT_GRACE_MS, DEFAULT_OFFER_TIMEOUT_MS } from '../routing/types';
import { F, type FixtureUser } from '../testing/fixtures';
import type { WsCollector } from '../testing/wsClient';
import { nextOffer, offersOf, settle, startTimedServer, type TimedServer } from './testing';

// The router wired into the real server: offers reach agents over their sockets, and what agents
// do (decline, accept, drop their connection) comes back through the ordinary API.

let t: TimedServer;
const sockets: WsCollector[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((ws) => ws.close()));
  await t.stop();
});

async function online(...users: FixtureUser[]): Promise<WsCollector[]> {
  const opened = await Promise.all(users.map((u) => t.online(u)));
  sockets.push(...opened);
  return opened;
}

async function chatIn(queueId: string, text = '你好') {
  const customer = await t.newCustomer();
  const { conversationId } = await t.customerSays(customer, queueId, text);
  return { customer, conversationId };
}

function conversation(id: string) {
  const row = t.internals.domain.conversations.conversation(id);
  if (!row) throw new Error(`no conversation ${id}`);
  return row;
}

describe('offers over the socket', () => {
  it('offers a new chat to an online agent of the queue, with the customer to judge it by', async () => {
    t = await startTimedServer();
    const [p1] = await online('p1');
    const { conversationId } = await chatIn(F.queueX);
    const offer = await nextOffer(p1!, conversationId);
    expect(offer.payload).toMatchObject({ conversationId, queueId: F.queueX, expiresAt: t.timers.now() + DEFAULT_OFFER_TIMEOUT_MS, customer: { level: 'normal' } });
  });

  it('gives nothing to an agent who is not online, and offers the waiting chat once they are', async () => {
    t = await startTimedServer();
    const p1 = (await online('p1'))[0]!;
    await t.apply('p1', 'presence.set', { presence: 'away', reason: 'lunch' });
    const { conversationId } = await chatIn(F.queueX);
    await settle();
    expect(offersOf(p1, conversationId)).toEqual([]);
    await t.apply('p1', 'presence.set', { presence: 'online' });
    await nextOffer(p1, conversationId);
  });

  it('offers a declined chat to the next agent, never back to the one who declined', async () => {
    t = await startTimedServer();
    const [p1, leadX] = await online('p1', 'leadX');
    const { conversationId } = await chatIn(F.queueX);
    await settle();
    const first = offersOf(p1!, conversationId).length > 0 ? { user: 'p1' as const, ws: p1! } : { user: 'leadX' as const, ws: leadX! };
    const other = first.user === 'p1' ? leadX! : p1!;
    expect(offersOf(other, conversationId)).toEqual([]);

    await t.apply(first.user, 'conversations.decline', { conversationId });
    await nextOffer(other, conversationId);
    t.timers.advance(DEFAULT_OFFER_TIMEOUT_MS * 3);
    await settle();
    expect(offersOf(first.ws, conversationId)).toHaveLength(1);
    // declining what is not offered to you is a conflict
    expect(await t.act(first.user, 'conversations.decline', { conversationId })).toMatchObject({ status: 'rejected', code: 'conflict' });
  });

  it('re-offers a chat elsewhere when the offer times out', async () => {
    t = await startTimedServer();
    const [p1, leadX] = await online('p1', 'leadX');
    const { conversationId } = await chatIn(F.queueX);
    await settle();
    const [first, other] = offersOf(p1!, conversationId).length > 0 ? [p1!, leadX!] : [leadX!, p1!];
    t.timers.advance(DEFAULT_OFFER_TIMEOUT_MS - 1);
    await settle();
    expect(offersOf(other, conversationId)).toEqual([]);
    t.timers.advance(1);
    const withdrawn = await first.next((f) => f.t === 'event' && f.name === 'offers.withdrawn');
    expect(withdrawn.payload).toEqual({ conversationId, reason: 'expired' });
    await nextOffer(other, conversationId);
  });

  it('assigns the chat to the agent who accepts the offer, and stops offering it', async () => {
    t = await startTimedServer();
    const [p1] = await online('p1');
    const { conversationId } = await chatIn(F.queueX);
    await nextOffer(p1!, conversationId);
    await t.apply('p1', 'conversations.accept', { conversationId });
    expect(conversation(conversationId)).toMatchObject({ status: 'assigned', assigneeId: F.users.p1 });
    expect(t.internals.domain.routing.router.holderOf(conversationId)).toBe(F.users.p1);
    t.timers.advance(DEFAULT_OFFER_TIMEOUT_MS * 3);
    await settle();
    expect(offersOf(p1!, conversationId)).toHaveLength(1);
  });

  it('never offers a chat back to the agent who transferred it to a queue: it waits for a colleague', async () => {
    t = await startTimedServer();
    const [p1] = await online('p1');
    const { conversationId } = await chatIn(F.queueX);
    await nextOffer(p1!, conversationId);
    await t.apply('p1', 'conversations.accept', { conversationId });
    await t.apply('p1', 'conversations.transfer', { conversationId, to: { queueId: F.queueX }, note: '请同事跟进' });
    expect(conversation(conversationId)).toMatchObject({ status: 'queued', assigneeId: null });
    t.timers.advance(DEFAULT_OFFER_TIMEOUT_MS * 3);
    await settle();
    expect(offersOf(p1!, conversationId)).toHaveLength(1);
    // p1's slot is free for the next chat, and a colleague coming online is offered the transferred one
    const next = await chatIn(F.queueX);
    await nextOffer(p1!, next.conversationId);
    const [leadX] = await online('leadX');
    await nextOffer(leadX!, conversationId);
  });
});

describe('auto-assign', () => {
  it('assigns a new chat at once to an online agent with room, and lets the next one wait when they are full', async () => {
    t = await startTimedServer({ acceptMode: 'auto' });
    const { domain } = t.internals;
    domain.writer.write((tx) => domain.org.setSeatProfile(tx, F.users.p1, { shopId: null, skills: [], maxConcurrent: 1 }));
    const [p1] = await online('p1');
    const first = await chatIn(F.queueX);
    // the assignment is pushed to the agent as rows: no offer to answer
    await p1!.next((f) => f.t === 'rows' && (f.rows as { entity: string; id: string; data: { assigneeId?: string } }[]).some((r) => r.entity === 'conversations' && r.id === first.conversationId && r.data.assigneeId === F.users.p1));
    expect(conversation(first.conversationId)).toMatchObject({ status: 'assigned', assigneeId: F.users.p1, assignedAt: t.timers.now() });
    expect(offersOf(p1!, first.conversationId)).toEqual([]);

    const second = await chatIn(F.queueX);
    await settle();
    expect(conversation(second.conversationId)).toMatchObject({ status: 'queued', assigneeId: null });
    await t.apply('p1', 'conversations.resolve', { conversationId: first.conversationId, category: 'done' });
    await settle();
    expect(conversation(second.conversationId)).toMatchObject({ status: 'assigned', assigneeId: F.users.p1 });
  });
});

describe('an agent the router has not met yet', () => {
  it('counts a chat they take from the line once, and takes it out of the line', async () => {
    t = await startTimedServer();
    const { router } = t.internals.domain.routing;
    const first = await chatIn(F.queueA);
    const second = await chatIn(F.queueA);
    expect(router.agent(F.users.mA2)).toBeUndefined(); // created after the server started, never online
    await t.apply('mA2', 'conversations.accept', { conversationId: first.conversationId });
    expect(router.agent(F.users.mA2)?.activeCount).toBe(1);
    expect(router.waiting(F.queueA).map((w) => w.conversationId)).toEqual([second.conversationId]);
    await t.apply('mA2', 'conversations.accept', { conversationId: second.conversationId });
    expect(router.agent(F.users.mA2)?.activeCount).toBe(2);
    await t.apply('mA2', 'conversations.resolve', { conversationId: first.conversationId, category: 'done' });
    expect(router.agent(F.users.mA2)?.activeCount).toBe(1);
  });
});

describe('a disconnected agent', () => {
  it('keeps their chats when back within the grace period', async () => {
    t = await startTimedServer();
    const [p1] = await online('p1');
    const { conversationId } = await chatIn(F.queueX);
    await nextOffer(p1!, conversationId);
    await t.apply('p1', 'conversations.accept', { conversationId });
    await sockets.splice(0)[0]!.close();
    t.timers.advance(DEFAULT_DISCONNECT_GRACE_MS - 1);
    await online('p1');
    t.timers.advance(DEFAULT_DISCONNECT_GRACE_MS * 2);
    expect(conversation(conversationId)).toMatchObject({ status: 'assigned', assigneeId: F.users.p1 });
  });

  it('loses them after the grace period: the chat goes back to the head of its queue with a system line', async () => {
    t = await startTimedServer();
    const { domain } = t.internals;
    const [p1] = await online('p1');
    const released = await chatIn(F.queueX);
    await nextOffer(p1!, released.conversationId);
    await t.apply('p1', 'conversations.accept', { conversationId: released.conversationId });
    await t.apply('p1', 'presence.set', { presence: 'busy' });
    const older = await chatIn(F.queueX); // waits in line from now on: nobody is online
    t.timers.advance(1_000);

    await sockets.splice(0)[0]!.close();
    await settle();
    t.timers.advance(DEFAULT_DISCONNECT_GRACE_MS);
    expect(conversation(released.conversationId)).toMatchObject({ status: 'queued', assigneeId: null, queuedAt: t.timers.now() });
    const lines = domain.messages.idsOf(released.conversationId).map((id) => domain.messages.message(id)!);
    expect(lines.at(-1)).toMatchObject({ senderKind: 'system', kind: 'event', body: 'conversation requeued: the agent was disconnected' });
    // the customer never sees the system line
    expect(domain.messages.customerVisible(released.conversationId).map((m) => m.kind)).toEqual(['text']);

    // One free slot: the released chat is served before the one that waited longer.
    domain.writer.write((tx) => domain.org.setSeatProfile(tx, F.users.leadX, { shopId: null, skills: [], maxConcurrent: 1 }));
    const [leadX] = await online('leadX');
    await nextOffer(leadX!, released.conversationId);
    await settle();
    expect(offersOf(leadX!, older.conversationId)).toEqual([]);
  });
});

describe('who is offered what', () => {
  it('never offers a platform chat or another shop’s chat to a merchant agent', async () => {
    t = await startTimedServer();
    const [p1, mA, mB] = await online('p1', 'mA', 'mB');
    const platform = await chatIn(F.queueX);
    const shopA = await chatIn(F.queueA);
    await nextOffer(p1!, platform.conversationId);
    await nextOffer(mA!, shopA.conversationId);
    await settle();
    expect(offersOf(mA!, platform.conversationId)).toEqual([]);
    expect(offersOf(mB!, platform.conversationId)).toEqual([]);
    expect(offersOf(mB!, shopA.conversationId)).toEqual([]);
    expect(offersOf(p1!, shopA.conversationId)).toEqual([]);
  });

  it('refuses presence to a user who serves no queue', async () => {
    t = await startTimedServer();
    expect(await t.act('admin', 'presence.set', { presence: 'online' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });
});
