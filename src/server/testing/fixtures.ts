import type { ServerInternals } from '../app';
import { hashPassword } from '../accounts/passwords';
import { hashSessionToken } from '../accounts/tokens';

/*
 * A small organisation for scope tests: two platform teams (X, Y), two shops (A, B) with a team
 * and a queue each, one user per column of the scope table, KB articles and canned replies of
 * every visibility, and customers with contact details and orders in both shops.
 */

export const FIXTURE_PASSWORD = 'fixture-password';

export const F = {
  shopA: 'shop-a',
  shopB: 'shop-b',
  teamX: 'team-x',
  teamY: 'team-y',
  teamA: 'team-a',
  teamB: 'team-b',
  queueX: 'queue-x',
  queueY: 'queue-y',
  queueA: 'queue-a',
  queueA2: 'queue-a2',
  queueB: 'queue-b',
  queueBot: 'queue-bot',
  users: {
    p1: 'u-p1', // platform agent, team X
    p2: 'u-p2', // platform agent, team Y
    mA: 'u-ma', // merchant agent, shop A
    mA2: 'u-ma2', // merchant agent, shop A
    mB: 'u-mb', // merchant agent, shop B
    leadX: 'u-leadx',
    leadY: 'u-leady',
    admin: 'u-admin',
  },
  customers: { c1: 'cust-1', c2: 'cust-2', c3: 'cust-3', c4: 'cust-4' },
  /** customer tokens, so tests post as these customers */
  tokens: {
    c1: 'customer-token-one-0123456789abcdef',
    c2: 'customer-token-two-0123456789abcdef',
    c3: 'customer-token-three-0123456789abcd',
    c4: 'customer-token-four-0123456789abcde',
  },
  orders: { o1: 'DD20250101000001', o2: 'DD20250101000002', o3: 'DD20250101000003', o4: 'DD20250101000004', o5: 'DD20250101000005' },
  kb: { x: 'kb-x', y: 'kb-y', publicAll: 'kb-public', a: 'kb-a', b: 'kb-b' },
  canned: { x: 'canned-x', a: 'canned-a', p1: 'canned-p1', mA: 'canned-ma', leadY: 'canned-leady' },
  phone: '13812345678',
} as const;

export type FixtureUser = keyof typeof F.users;

/** username of each fixture user is its key */
export async function seedFixtureOrg(internals: ServerInternals, now: number): Promise<void> {
  const { domain, accountsStore } = internals;
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const sessions = domain.customerSessions;
  const u = F.users;
  const users: { key: FixtureUser; role: 'agent' | 'lead' | 'admin'; shop: string | null; teams: string[] }[] = [
    { key: 'p1', role: 'agent', shop: null, teams: [F.teamX] },
    { key: 'p2', role: 'agent', shop: null, teams: [F.teamY] },
    { key: 'mA', role: 'agent', shop: F.shopA, teams: [F.teamA] },
    { key: 'mA2', role: 'agent', shop: F.shopA, teams: [F.teamA] },
    { key: 'mB', role: 'agent', shop: F.shopB, teams: [F.teamB] },
    { key: 'leadX', role: 'lead', shop: null, teams: [F.teamX] },
    { key: 'leadY', role: 'lead', shop: null, teams: [F.teamY] },
    { key: 'admin', role: 'admin', shop: null, teams: [] },
  ];

  domain.writer.write((tx) => {
    const { org, customers, kb, canned } = domain;
    org.insertShop(tx, { id: F.shopA, name: 'Shop A' });
    org.insertShop(tx, { id: F.shopB, name: 'Shop B' });
    org.insertTeam(tx, { id: F.teamX, name: 'Team X', kind: 'platform', shopId: null });
    org.insertTeam(tx, { id: F.teamY, name: 'Team Y', kind: 'platform', shopId: null });
    org.insertTeam(tx, { id: F.teamA, name: 'Team A', kind: 'merchant', shopId: F.shopA });
    org.insertTeam(tx, { id: F.teamB, name: 'Team B', kind: 'merchant', shopId: F.shopB });
    const queue = (id: string, kind: 'platform' | 'merchant', shopId: string | null, teamIds: string[], botFirst = false) =>
      org.insertQueue(tx, { id, name: id, kind, shopId, teamIds, botFirst, channels: ['chat', 'dm'], hours: '24x7', maxConcurrent: null });
    queue(F.queueX, 'platform', null, [F.teamX]);
    queue(F.queueY, 'platform', null, [F.teamY]);
    queue(F.queueA, 'merchant', F.shopA, [F.teamA]);
    queue(F.queueA2, 'merchant', F.shopA, [F.teamA]);
    queue(F.queueB, 'merchant', F.shopB, [F.teamB]);
    queue(F.queueBot, 'platform', null, [F.teamX], true);

    accountsStore.insertUsers(
      users.map((x) => ({
        id: u[x.key],
        username: x.key.toLowerCase(),
        displayName: `User ${x.key}`,
        role: x.role,
        teamKind: x.shop ? 'merchant' : 'platform',
        passwordHash,
        createdAt: now,
      })),
    );
    for (const x of users) {
      org.setSeatProfile(tx, u[x.key], { shopId: x.shop, skills: [], maxConcurrent: x.role === 'admin' ? 0 : 50 });
      for (const team of x.teams) org.addTeamMember(tx, team, u[x.key]);
    }

    const customer = (id: string, name: string, phone: string | null) =>
      customers.insertCustomer(tx, {
        id,
        name,
        level: 'normal',
        tags: [],
        phone,
        email: phone ? `${id}@example.com` : null,
        address: phone ? '浙江省杭州市西湖区文三路99号3栋201室' : null,
        createdAt: now,
      });
    customer(F.customers.c1, 'Customer One', F.phone);
    customer(F.customers.c2, 'Customer Two', '13900001111');
    customer(F.customers.c3, 'Customer Three', '13700002222');
    customer(F.customers.c4, 'Customer Four', null);
    const order = (id: string, shopId: string, customerId: string) =>
      customers.insertOrder(tx, {
        id,
        shopId,
        customerId,
        items: [{ name: 'item', qty: 1, price: 12.5 }],
        total: 12.5,
        status: 'paid',
        carrier: null,
        trackingNo: null,
        createdAt: now,
      });
    order(F.orders.o1, F.shopA, F.customers.c1);
    order(F.orders.o2, F.shopB, F.customers.c1);
    order(F.orders.o3, F.shopA, F.customers.c2);
    order(F.orders.o4, F.shopB, F.customers.c3);
    order(F.orders.o5, F.shopA, F.customers.c3);

    const article = (id: string, teamIds: string[], shopId: string | null) =>
      kb.insertArticle(tx, {
        id,
        title: id,
        body: `body of ${id}`,
        category: 'general',
        tags: [],
        keywords: [id],
        questions: [`what is ${id}?`],
        teamIds,
        shopId,
        updatedAt: now,
      });
    article(F.kb.x, [F.teamX], null);
    article(F.kb.y, [F.teamY], null);
    article(F.kb.publicAll, [F.teamX, F.teamY, F.teamA, F.teamB], null);
    article(F.kb.a, [F.teamA], F.shopA);
    article(F.kb.b, [F.teamB], F.shopB);

    const reply = (id: string, scope: 'team' | 'personal', teamId: string | null, ownerId: string | null) =>
      canned.insertReply(tx, { id, scope, teamId, ownerId, shortcut: 'hi', title: id, body: `hello from ${id}`, updatedAt: now });
    reply(F.canned.x, 'team', F.teamX, null);
    reply(F.canned.a, 'team', F.teamA, null);
    reply(F.canned.p1, 'personal', null, u.p1);
    reply(F.canned.mA, 'personal', null, u.mA);
    reply(F.canned.leadY, 'personal', null, u.leadY);

    for (const [key, token] of Object.entries(F.tokens)) {
      sessions.insertSession(tx, {
        tokenHash: hashSessionToken(token),
        customerId: F.customers[key as keyof typeof F.customers],
        createdAt: now,
        // Far in the future: the SIGKILL test hands this folder to a server on the real clock.
        expiresAt: now + 100 * 365 * 24 * 3600 * 1000,
      });
    }
  });
}
