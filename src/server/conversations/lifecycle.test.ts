import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerMessagesResponseSchema } from '../../shared/api/customerChat';
import type { SyncRow } from '../../shared/api/sync';
import { F } from '../testing/fixtures';
import { idsOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

const HOUR = 3_600_000;

let t: FixtureServer;
beforeAll(async () => {
  // Sessions outlive the clock jumps over the reopen window.
  t = await startFixtureServer({ reopenWindowMs: 24 * HOUR, sessionTtlMs: 30 * 24 * HOUR });
});
afterAll(async () => {
  await t.stop();
});

async function conversationRow(user: 'p1' | 'admin', id: string): Promise<Record<string, unknown>> {
  const row = (await t.everything(user)).rows.find((r) => r.entity === 'conversations' && r.id === id);
  if (!row) throw new Error(`no conversation ${id} for ${user}`);
  return row.data;
}

async function newChat(queueId: string = F.queueX, channel?: string) {
  const customer = await t.newCustomer();
  const first = await t.post('/api/customer/messages', { queueId, text: 'hi', ...(channel ? { channel } : {}) }, bearer(customer.token));
  const body = (await first.json()) as { conversationId: string };
  return { customer, conversationId: body.conversationId };
}

describe('a conversation from the customer side', () => {
  it('starts queued in a human queue, and with the bot in a bot-first queue (chat only)', async () => {
    const human = await newChat(F.queueX);
    expect(await conversationRow('admin', human.conversationId)).toMatchObject({ status: 'queued', queuedAt: t.clock.time, queueId: F.queueX, shopId: null });
    const bot = await newChat(F.queueBot);
    expect(await conversationRow('admin', bot.conversationId)).toMatchObject({ status: 'bot', queuedAt: null });
    const dm = await newChat(F.queueBot, 'dm');
    expect(await conversationRow('admin', dm.conversationId)).toMatchObject({ status: 'queued', channel: 'dm' });
    const shop = await newChat(F.queueA);
    expect(await conversationRow('admin', shop.conversationId)).toMatchObject({ shopId: F.shopA });
  });

  it('goes assigned → waiting_customer on a reply and back to assigned when the customer answers', async () => {
    const { customer, conversationId } = await newChat();
    t.clock.advance(5_000);
    await t.apply('p1', 'conversations.accept', { conversationId });
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'assigned', assigneeId: F.users.p1, assignedAt: t.clock.time });
    t.clock.advance(10_000);
    const firstReply = t.clock.time;
    await t.apply('p1', 'messages.send', { conversationId, text: 'how can I help?' });
    t.clock.advance(10_000);
    await t.customerSays(customer, F.queueX, 'my account', { conversationId });
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'assigned', lastCustomerAt: t.clock.time });
    t.clock.advance(10_000);
    await t.apply('p1', 'messages.send', { conversationId, text: 'done' });
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'waiting_customer', firstResponseAt: firstReply, lastAgentAt: t.clock.time });
  });

  it('refuses an accept over capacity', async () => {
    const a = await newChat();
    const b = await newChat();
    t.internals.domain.writer.write((tx) => t.internals.domain.org.setSeatProfile(tx, F.users.p2, { shopId: null, skills: [], maxConcurrent: 1 }));
    await t.apply('admin', 'conversations.transfer', { conversationId: a.conversationId, to: { queueId: F.queueY } });
    await t.apply('admin', 'conversations.transfer', { conversationId: b.conversationId, to: { queueId: F.queueY } });
    await t.apply('p2', 'conversations.accept', { conversationId: a.conversationId });
    expect(await t.act('p2', 'conversations.accept', { conversationId: b.conversationId })).toMatchObject({
      status: 'rejected',
      code: 'conflict',
      message: 'at capacity: 1 active conversations',
    });
    await t.apply('p2', 'conversations.resolve', { conversationId: a.conversationId, category: 'done' });
    await t.apply('p2', 'conversations.accept', { conversationId: b.conversationId });
    t.internals.domain.writer.write((tx) => t.internals.domain.org.setSeatProfile(tx, F.users.p2, { shopId: null, skills: [], maxConcurrent: 50 }));
  });

  it('caps an accept at the smaller of the agent cap and the queue cap, never raising the agent cap', async () => {
    const { domain } = t.internals;
    const held = domain.conversations.activeCountFor(F.users.p2); // left over from earlier tests
    const seat = (maxConcurrent: number) => domain.writer.write((tx) => domain.org.setSeatProfile(tx, F.users.p2, { shopId: null, skills: [], maxConcurrent }));
    domain.writer.write((tx) =>
      domain.org.insertQueue(tx, { id: 'queue-cap', name: 'cap', kind: 'platform', shopId: null, teamIds: [F.teamY], botFirst: false, channels: ['chat'], hours: '24x7', maxConcurrent: held + 3 }),
    );
    seat(held + 1);
    const chats = [];
    for (let i = 0; i < 4; i++) chats.push((await newChat('queue-cap')).conversationId);
    const [a, b, c, d] = chats as [string, string, string, string];
    await t.apply('p2', 'conversations.accept', { conversationId: a });
    // The queue allows more, but the agent's own cap still holds.
    expect(await t.act('p2', 'conversations.accept', { conversationId: b })).toMatchObject({ status: 'rejected', message: `at capacity: ${held + 1} active conversations` });
    // With a higher agent cap, the queue's is the smaller one.
    seat(50);
    await t.apply('p2', 'conversations.accept', { conversationId: b });
    await t.apply('p2', 'conversations.accept', { conversationId: c });
    expect(await t.act('p2', 'conversations.accept', { conversationId: d })).toMatchObject({ status: 'rejected', message: `at capacity: ${held + 3} active conversations` });
    for (const id of [a, b, c]) await t.apply('p2', 'conversations.resolve', { conversationId: id, category: 'done' });
  });

  it('resolves once, reopens by the agent, and is reopened by the customer within the window', async () => {
    const { customer, conversationId } = await newChat();
    await t.apply('p1', 'conversations.accept', { conversationId });
    await t.apply('p1', 'conversations.resolve', { conversationId, category: 'refund' });
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'resolved', category: 'refund', resolvedAt: t.clock.time });
    expect(await t.act('p1', 'conversations.resolve', { conversationId, category: 'refund' })).toMatchObject({ status: 'rejected', code: 'conflict' });
    await t.apply('p1', 'conversations.reopen', { conversationId });
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'assigned', resolvedAt: null });
    await t.apply('p1', 'conversations.resolve', { conversationId, category: 'refund' });

    t.clock.advance(23 * HOUR);
    const again = await t.customerSays(customer, F.queueX, 'one more thing', { conversationId });
    expect(again).toMatchObject({ conversationId, created: false });
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'assigned', assigneeId: F.users.p1 });
    const events = (await t.everything('p1')).rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId && r.data.kind === 'event');
    expect(events.map((e) => (e.data.event as { type: string }).type)).toEqual(['accepted', 'resolved', 'reopened', 'resolved', 'reopened']);
  });

  it('starts a new conversation when the customer writes after the window, closing the old one', async () => {
    const { customer, conversationId } = await newChat();
    await t.apply('p1', 'conversations.accept', { conversationId });
    await t.apply('p1', 'conversations.resolve', { conversationId, category: 'info' });
    t.clock.advance(25 * HOUR);
    const later = await t.customerSays(customer, F.queueX, 'new question', { conversationId });
    expect(later.created).toBe(true);
    expect(later.conversationId).not.toBe(conversationId);
    expect(await conversationRow('p1', conversationId)).toMatchObject({ status: 'closed', closedAt: t.clock.time });
    expect(await conversationRow('admin', later.conversationId)).toMatchObject({ status: 'queued' });
  });
});

describe('gaining access', () => {
  it('a transfer to an agent brings the whole history in their next pull', async () => {
    const { customer, conversationId } = await newChat();
    await t.apply('p1', 'conversations.accept', { conversationId });
    await t.apply('p1', 'messages.send', { conversationId, text: 'reply 1' });
    await t.customerSays(customer, F.queueX, 'answer 1', { conversationId });
    await t.apply('p1', 'messages.note', { conversationId, text: 'internal' });
    const before = await t.everything('p2');
    expect(idsOf(before.rows, 'conversations')).not.toContain(conversationId);

    await t.apply('p1', 'conversations.transfer', { conversationId, to: { agentId: F.users.p2 }, note: 'please take over' });
    const next = await t.pullAll(t.tokens.p2, before.cursor);
    const history = (await t.everything('admin')).rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId);
    expect(idsOf(next.rows, 'messages')).toEqual(idsOf(history, 'messages'));
    expect(history.length).toBe(7); // hi, accepted, reply, answer, note, transfer note, transferred
    expect(idsOf(next.rows, 'conversations')).toEqual([conversationId]);
    expect(idsOf(next.rows, 'customers')).toEqual([customer.customerId]);
    expect(next.rows.find((r) => r.entity === 'conversations')?.data).toMatchObject({ assigneeId: F.users.p2, status: 'assigned' });

    // p1 keeps the history they worked on but may no longer act on it; p2 may.
    expect(idsOf((await t.everything('p1')).rows, 'conversations')).toContain(conversationId);
    expect(await t.act('p1', 'messages.send', { conversationId, text: 'still me?' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    await t.apply('p2', 'messages.send', { conversationId, text: 'p2 here' });
  });

  it('a transfer to a queue brings the history to that queue’s lead, and its agents may accept', async () => {
    const { conversationId } = await newChat();
    await t.apply('p1', 'conversations.accept', { conversationId });
    await t.apply('p1', 'messages.send', { conversationId, text: 'moving you' });
    const before = await t.everything('leadY');
    await t.apply('p1', 'conversations.transfer', { conversationId, to: { queueId: F.queueY } });
    const next = await t.pullAll(t.tokens.leadY, before.cursor);
    expect(next.rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId)).toHaveLength(4); // hi, accepted, reply, transferred
    expect(next.rows.find((r) => r.entity === 'conversations' && r.id === conversationId)?.data).toMatchObject({
      status: 'queued',
      assigneeId: null,
      queueId: F.queueY,
    });
    await t.apply('p2', 'conversations.accept', { conversationId });
  });

  it('a lead joining a team receives the team, its queues, people, KB, replies and conversations', async () => {
    const { conversationId } = await newChat(F.queueX);
    const before = await t.everything('leadY');
    expect(t.internals.domain.orgService.addTeamMember(F.teamX, F.users.leadY)).toBe(true);
    const next = await t.pullAll(t.tokens.leadY, before.cursor);
    expect(idsOf(next.rows, 'teams')).toEqual([F.teamX]);
    expect(idsOf(next.rows, 'queues')).toEqual([F.queueBot, F.queueX].sort());
    expect(idsOf(next.rows, 'kb')).toEqual([F.kb.publicAll, F.kb.x].sort());
    expect(idsOf(next.rows, 'agents')).toEqual(expect.arrayContaining([F.users.p1, F.users.leadX, F.users.leadY]));
    expect(idsOf(next.rows, 'conversations')).toContain(conversationId);
    const everyInX = (await t.everything('leadX')).rows.filter((r: SyncRow) => r.entity === 'conversations');
    expect(idsOf(next.rows, 'conversations')).toEqual(expect.arrayContaining(idsOf(everyInX, 'conversations')));
    expect(t.internals.domain.orgService.addTeamMember(F.teamX, F.users.leadY)).toBe(false);
  });
});

describe('what the customer reads back', () => {
  it('never contains notes or system events', async () => {
    const { customer, conversationId } = await newChat();
    await t.apply('p1', 'conversations.accept', { conversationId });
    await t.apply('p1', 'messages.note', { conversationId, text: 'customer seems upset' });
    await t.apply('p1', 'messages.send', { conversationId, text: 'sorry for the wait' });
    const response = await t.get(`/api/customer/conversations/${conversationId}/messages`, bearer(customer.token));
    const { messages } = CustomerMessagesResponseSchema.parse(await response.json());
    expect(messages.map((m) => [m.senderKind, m.body])).toEqual([
      ['customer', 'hi'],
      ['agent', 'sorry for the wait'],
    ]);
    expect(JSON.stringify(messages)).not.toContain(F.users.p1);
  });
});
