import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../shared/api/sync';
import { F, type FixtureUser } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { openCollector, type WsCollector } from '../testing/wsClient';

/*
 * Push of a chat message: the agents in the conversation and the leads over its queue get it;
 * other agents are ruled out before any scoped read (push.ts) and get nothing.
 */
let t: FixtureServer;
const sockets = new Map<FixtureUser, WsCollector>();

beforeAll(async () => {
  t = await startFixtureServer();
  for (const user of ['p1', 'p2', 'leadX', 'leadY', 'mA'] as const) sockets.set(user, await openCollector(t.url, t.tokens[user]));
});
afterAll(async () => {
  await Promise.all([...sockets.values()].map((ws) => ws.close()));
  await t.stop();
});

const pushedMessages = (user: FixtureUser, body: string): SyncRow[] =>
  sockets
    .get(user)!
    .frames.filter((f) => f.t === 'rows')
    .flatMap((f) => f.rows as SyncRow[])
    .filter((r) => r.entity === 'messages' && r.data.body === body);

describe('push of a chat message', () => {
  it('reaches its agent and the lead of its queue, and no other agent or lead', async () => {
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueX, 'first');
    await t.apply('p1', 'conversations.accept', { conversationId });
    const body = 'where is my parcel';
    const { message } = await t.customerSays(customer, F.queueX, body, { conversationId });
    await sockets.get('p1')!.next((f) => f.t === 'rows' && (f.rows as SyncRow[]).some((r) => r.id === message.id));
    await sockets.get('leadX')!.next((f) => f.t === 'rows' && (f.rows as SyncRow[]).some((r) => r.id === message.id));
    // Frames of one commit leave together: by the time leadX has it, any other socket would too.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pushedMessages('p1', body)).toHaveLength(1);
    expect(pushedMessages('leadX', body)).toHaveLength(1);
    expect(pushedMessages('p2', body)).toEqual([]);
    expect(pushedMessages('leadY', body)).toEqual([]);
    expect(pushedMessages('mA', body)).toEqual([]);
  });
});

describe('push of a group commit holding several chats', () => {
  it("gives each agent their own chat's message and conversation, and none of the other's", async () => {
    const chats = await Promise.all(
      ([['p1', F.queueX], ['p2', F.queueY]] as const).map(async ([agent, queueId]) => {
        const customer = await t.newCustomer();
        const { conversationId } = await t.customerSays(customer, queueId, 'hello');
        await t.apply(agent, 'conversations.accept', { conversationId });
        return { agent, queueId, customer, conversationId };
      }),
    );
    // Posted together, both messages commit in one group (db/writer.ts writeGrouped).
    const said = await Promise.all(chats.map((c) => t.customerSays(c.customer, c.queueId, `together ${c.agent}`, { conversationId: c.conversationId })));
    for (const [i, chat] of chats.entries()) {
      const frame = await sockets.get(chat.agent)!.next((f) => f.t === 'rows' && (f.rows as SyncRow[]).some((r) => r.id === said[i]!.message.id));
      const rows = frame.rows as SyncRow[];
      expect(rows.map((r) => r.entity).sort()).toEqual(['conversations', 'messages']);
      expect(rows.find((r) => r.entity === 'conversations')!.id).toBe(chat.conversationId);
      expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pushedMessages('p1', 'together p2')).toEqual([]);
    expect(pushedMessages('p2', 'together p1')).toEqual([]);
    // Leads read the commit's whole range through their own scope: each gets their queue's chat only.
    expect(pushedMessages('leadX', 'together p1')).toHaveLength(1);
    expect(pushedMessages('leadX', 'together p2')).toEqual([]);
    expect(pushedMessages('leadY', 'together p2')).toHaveLength(1);
    expect(pushedMessages('leadY', 'together p1')).toEqual([]);
  });
});

describe('push of a group commit holding many rows of one agent', () => {
  it('delivers each of them once, in seq order (read as the range past 64 rows)', async () => {
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueX, 'hello');
    await t.apply('p1', 'conversations.accept', { conversationId });
    const chat = t.internals.domain.customerChat;
    // Queued in one go, the 70 messages (and 70 updates of their conversation) share one group commit.
    const texts = Array.from({ length: 70 }, (_, i) => `burst ${i}`);
    const said = await Promise.all(texts.map((text) => chat.postMessage(customer.customerId, { queueId: F.queueX, conversationId, text, channel: 'chat' })));
    const last = said.at(-1)!.message.id;
    await sockets.get('p1')!.next((f) => f.t === 'rows' && (f.rows as SyncRow[]).some((r) => r.id === last));
    const pushed = texts.flatMap((text) => pushedMessages('p1', text));
    expect(pushed.map((r) => r.data.body)).toEqual(texts);
    expect(pushed.map((r) => r.seq)).toEqual([...pushed.map((r) => r.seq)].sort((a, b) => a - b));
    expect(pushedMessages('p2', 'burst 0')).toEqual([]);
  });
});

