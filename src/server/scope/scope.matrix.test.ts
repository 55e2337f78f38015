import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../shared/api/sync';
import { F, type FixtureUser } from '../testing/fixtures';
import { idsOf, keysOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';
import { openCollector, type WsCollector } from '../testing/wsClient';

/*
 * The scope table of docs/sync-protocol.md, proved over the real HTTP and WebSocket API: one
 * scenario (customers write in, agents accept, reply, note, an admin moves a shop's chat to a
 * platform queue), then for every role what pull returns, what push delivered, and which writes
 * outside the scope are refused.
 */

const U = F.users;
const ALL_USERS = Object.keys(U) as FixtureUser[];
const PLATFORM_NOTES = ['moved to the platform', 'platform note after the move'];

let t: FixtureServer;
const sockets = new Map<FixtureUser, WsCollector>();
const conv = { x: '', a: '', b: '', y: '' };
const pulled = new Map<FixtureUser, SyncRow[]>();

beforeAll(async () => {
  t = await startFixtureServer();
  for (const user of ALL_USERS) sockets.set(user, await openCollector(t.url, t.tokens[user]));

  conv.x = (await t.customerSays('c1', F.queueX, 'hello platform X')).conversationId;
  await t.apply('p1', 'conversations.accept', { conversationId: conv.x });
  await t.apply('p1', 'messages.send', { conversationId: conv.x, text: 'reply from p1' });
  await t.apply('p1', 'messages.note', { conversationId: conv.x, text: 'note from p1' });

  conv.a = (await t.customerSays('c2', F.queueA, 'hello shop A')).conversationId;
  await t.apply('mA', 'conversations.accept', { conversationId: conv.a });
  await t.apply('mA', 'messages.send', { conversationId: conv.a, text: 'reply from shop A' });
  await t.apply('mA', 'messages.note', { conversationId: conv.a, text: 'merchant note' });

  conv.b = (await t.customerSays('c3', F.queueB, 'hello shop B')).conversationId;
  await t.apply('mB', 'conversations.accept', { conversationId: conv.b });

  conv.y = (await t.customerSays('c1', F.queueY, 'hello platform Y')).conversationId;

  // The shop's chat moves to the platform: platform notes from now on are hidden from the shop.
  await t.apply('admin', 'conversations.transfer', { conversationId: conv.a, to: { queueId: F.queueX }, note: PLATFORM_NOTES[0] });
  await t.apply('p1', 'conversations.accept', { conversationId: conv.a });
  await t.apply('p1', 'messages.send', { conversationId: conv.a, text: 'platform reply' });
  await t.apply('p1', 'messages.note', { conversationId: conv.a, text: PLATFORM_NOTES[1] });

  for (const user of ALL_USERS) pulled.set(user, (await t.everything(user)).rows);
}, 30_000);

afterAll(async () => {
  for (const socket of sockets.values()) await socket.close();
  await t.stop();
});

function rows(user: FixtureUser): SyncRow[] {
  return pulled.get(user) ?? [];
}

/** ids of the messages of these conversations, as the admin (who sees everything) has them */
function messagesOf(conversationIds: string[], exceptNotes: string[] = []): string[] {
  return rows('admin')
    .filter((r) => r.entity === 'messages' && conversationIds.includes(r.data.conversationId as string))
    .filter((r) => !(r.data.kind === 'note' && exceptNotes.includes(r.data.body as string)))
    .map((r) => r.id)
    .sort();
}

interface Expected {
  teams: string[];
  shops: string[];
  queues: string[];
  agents: string[];
  conversations: () => string[];
  messages: () => string[];
  customers: string[];
  orders: string[];
  kb: string[];
  canned: string[];
}

const C = F.customers;
const O = F.orders;
const EXPECTED: Record<FixtureUser, Expected> = {
  p1: {
    teams: [F.teamX],
    shops: [],
    queues: [F.queueX, F.queueBot],
    agents: [U.p1, U.p2, U.leadX, U.leadY],
    conversations: () => [conv.x, conv.a],
    messages: () => messagesOf([conv.x, conv.a]),
    customers: [C.c1, C.c2],
    orders: [O.o1, O.o2, O.o3],
    kb: [F.kb.x, F.kb.publicAll],
    canned: [F.canned.x, F.canned.p1],
  },
  p2: {
    teams: [F.teamY],
    shops: [],
    queues: [F.queueY],
    agents: [U.p1, U.p2, U.leadX, U.leadY],
    conversations: () => [],
    messages: () => [],
    customers: [],
    orders: [],
    kb: [F.kb.y, F.kb.publicAll],
    canned: [],
  },
  mA: {
    teams: [F.teamA],
    shops: [F.shopA],
    queues: [F.queueA, F.queueA2],
    agents: [U.mA, U.mA2],
    conversations: () => [conv.a],
    messages: () => messagesOf([conv.a], PLATFORM_NOTES),
    customers: [C.c2],
    orders: [O.o3],
    kb: [F.kb.publicAll, F.kb.a],
    canned: [F.canned.a, F.canned.mA],
  },
  mA2: {
    teams: [F.teamA],
    shops: [F.shopA],
    queues: [F.queueA, F.queueA2],
    agents: [U.mA, U.mA2],
    conversations: () => [],
    messages: () => [],
    customers: [],
    orders: [],
    kb: [F.kb.publicAll, F.kb.a],
    canned: [F.canned.a],
  },
  mB: {
    teams: [F.teamB],
    shops: [F.shopB],
    queues: [F.queueB],
    agents: [U.mB],
    conversations: () => [conv.b],
    messages: () => messagesOf([conv.b]),
    customers: [C.c3],
    // c3 also has an order in shop A: a merchant sees only their own shop's orders.
    orders: [O.o4],
    kb: [F.kb.publicAll, F.kb.b],
    canned: [],
  },
  leadX: {
    teams: [F.teamX],
    shops: [],
    queues: [F.queueX, F.queueBot],
    agents: [U.p1, U.leadX],
    // conv.a came into queue X: its lead sees it, with the shop's part of the history.
    conversations: () => [conv.x, conv.a],
    messages: () => messagesOf([conv.x, conv.a]),
    customers: [C.c1, C.c2],
    orders: [O.o1, O.o2, O.o3],
    kb: [F.kb.x, F.kb.publicAll],
    canned: [F.canned.x],
  },
  leadY: {
    teams: [F.teamY],
    shops: [],
    queues: [F.queueY],
    agents: [U.p2, U.leadY],
    conversations: () => [conv.y],
    messages: () => messagesOf([conv.y]),
    customers: [C.c1],
    orders: [O.o1, O.o2],
    kb: [F.kb.y, F.kb.publicAll],
    canned: [F.canned.leadY],
  },
  admin: {
    teams: [F.teamA, F.teamB, F.teamX, F.teamY],
    shops: [F.shopA, F.shopB],
    queues: [F.queueA, F.queueA2, F.queueB, F.queueBot, F.queueX, F.queueY],
    agents: Object.values(U),
    conversations: () => [conv.x, conv.a, conv.b, conv.y],
    messages: () => messagesOf([conv.x, conv.a, conv.b, conv.y]),
    customers: Object.values(C),
    orders: Object.values(O),
    kb: Object.values(F.kb),
    canned: Object.values(F.canned),
  },
};

describe.each(ALL_USERS)('scope of %s', (user) => {
  const expected = EXPECTED[user];

  it('pull returns exactly the rows of the scope table', () => {
    const mine = rows(user);
    const sorted = (ids: string[]) => [...ids].sort();
    expect(idsOf(mine, 'teams')).toEqual(sorted(expected.teams));
    expect(idsOf(mine, 'shops')).toEqual(sorted(expected.shops));
    expect(idsOf(mine, 'queues')).toEqual(sorted(expected.queues));
    expect(idsOf(mine, 'agents')).toEqual(sorted(expected.agents));
    expect(idsOf(mine, 'conversations')).toEqual(sorted(expected.conversations()));
    expect(idsOf(mine, 'messages')).toEqual(expected.messages());
    expect(idsOf(mine, 'customers')).toEqual(sorted(expected.customers));
    expect(idsOf(mine, 'orders')).toEqual(sorted(expected.orders));
    expect(idsOf(mine, 'kb')).toEqual(sorted(expected.kb));
    expect(idsOf(mine, 'canned')).toEqual(sorted(expected.canned));
  });

  it('push delivered the same conversation rows as pull, and nothing outside the scope', async () => {
    const socket = sockets.get(user)!;
    const live = ['conversations', 'messages', 'customers', 'orders'];
    const want = keysOf(rows(user), user === 'admin' ? ['conversations', 'messages'] : live);
    const pushedRows = () => socket.frames.filter((f) => f.t === 'rows').flatMap((f) => f.rows as SyncRow[]);
    const pushed = () => keysOf(pushedRows(), user === 'admin' ? ['conversations', 'messages'] : live);
    for (let i = 0; i < 100 && pushed().join() !== want.join(); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(pushed()).toEqual(want);
    const visible = new Set(keysOf(rows(user)));
    expect(keysOf(pushedRows()).filter((k) => !visible.has(k))).toEqual([]);
  });

  it('never receives a clear contact field', () => {
    const json = JSON.stringify(rows(user)) + JSON.stringify(sockets.get(user)!.frames);
    expect(json).not.toContain(F.phone);
    expect(json).not.toContain('文三路');
  });
});

describe('push frames', () => {
  it('chain prev from frame to frame, in seq order', () => {
    const frames = sockets.get('p1')!.frames.filter((f) => f.t === 'rows') as unknown as { prev: number; rows: SyncRow[] }[];
    expect(frames.length).toBeGreaterThan(2);
    for (let i = 1; i < frames.length; i += 1) {
      expect(frames[i]!.prev).toBe(frames[i - 1]!.rows.at(-1)!.seq);
      const seqs = frames[i]!.rows.map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });
});

describe('masking', () => {
  it('sends contact fields masked, to admins too', () => {
    for (const user of ['p1', 'leadX', 'admin'] as const) {
      const c1 = rows(user).find((r) => r.entity === 'customers' && r.id === C.c1)!;
      expect(c1.data).toMatchObject({ phone: '138****5678', email: 'c***@example.com', address: '浙江省杭州市西湖区***' });
    }
  });
});

describe('writes outside the scope', () => {
  const cases: [FixtureUser, string, () => unknown, string][] = [
    ['p2', 'messages.send', () => ({ conversationId: conv.x, text: 'not mine' }), 'not_found'],
    ['p2', 'messages.note', () => ({ conversationId: conv.x, text: 'not mine' }), 'not_found'],
    ['mB', 'messages.send', () => ({ conversationId: conv.a, text: 'other shop' }), 'not_found'],
    ['mA2', 'messages.note', () => ({ conversationId: conv.a, text: 'never took part' }), 'not_found'],
    // mA still sees conv.a (they worked on it) but it is no longer theirs.
    ['mA', 'messages.send', () => ({ conversationId: conv.a, text: 'not assigned to me' }), 'forbidden'],
    ['mA', 'conversations.resolve', () => ({ conversationId: conv.a, category: 'x' }), 'forbidden'],
    ['mB', 'conversations.accept', () => ({ conversationId: conv.a }), 'forbidden'],
    ['p1', 'conversations.accept', () => ({ conversationId: conv.y }), 'forbidden'],
    ['mA', 'conversations.accept', () => ({ conversationId: conv.y }), 'forbidden'],
    ['leadY', 'conversations.resolve', () => ({ conversationId: conv.x, category: 'x' }), 'not_found'],
    ['leadX', 'conversations.transfer', () => ({ conversationId: conv.x, to: { queueId: F.queueB } }), 'forbidden'],
    ['p1', 'conversations.transfer', () => ({ conversationId: conv.x, to: { agentId: U.mA } }), 'not_found'],
    ['mB', 'conversations.transfer', () => ({ conversationId: conv.b, to: { queueId: F.queueA } }), 'forbidden'],
    ['p2', 'customers.tag', () => ({ customerId: C.c1, add: ['vip'] }), 'not_found'],
    ['mB', 'customers.tag', () => ({ customerId: C.c2, add: ['vip'] }), 'not_found'],
    ['mA', 'customers.tag', () => ({ customerId: C.c4, add: ['vip'] }), 'not_found'],
  ];

  it.each(cases)('%s %s is rejected (%#)', async (user, name, args, code) => {
    const before = (await t.pull(t.tokens.admin)).serverSeq;
    const result = await t.act(user, name, args());
    expect(result).toMatchObject({ status: 'rejected', code });
    // A rejection changes nothing (applied_mutations is not a synced table).
    expect((await t.pull(t.tokens.admin)).serverSeq).toBe(before);
  });

  it('reveal: agents get 403, a lead outside the customer 404, a lead with it the clear value', async () => {
    const reveal = (user: FixtureUser, customer: string) => t.post(`/api/customers/${customer}/reveal`, { field: 'phone' }, bearer(t.tokens[user]));
    expect((await reveal('p1', C.c1)).status).toBe(403);
    expect((await reveal('mA', C.c2)).status).toBe(403);
    expect((await reveal('leadY', C.c2)).status).toBe(404);
    const ok = await reveal('leadX', C.c1);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ field: 'phone', value: F.phone });
  });
});
