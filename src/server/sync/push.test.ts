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
