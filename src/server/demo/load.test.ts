import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../shared/api/sync';
import { startServerWithInternals, type ServerInternals } from '../app';
import { idsOf } from '../testing/fixtureServer';
import { startTestServer, type TestServer } from '../testing/testServer';
import { DEMO_SEED, generateDemoData } from './data/generate';
import { loadDemoDataIfEmpty } from './demoData';
import { DEMO_PASSWORD } from './seed';

/*
 * The demo data set loaded by `--demo` (one transaction, fast), with the three historical demo
 * accounts adopted by name so tokens handed out before the data existed keep working.
 */

let dataDir: string;
let t: TestServer;
let agentIdBefore: string;
let agentToken: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-demo-'));
  // An older server: demo accounts only.
  const old = await startTestServer({ dataDir, demoData: false });
  const login = await old.login('agent');
  agentIdBefore = login.user.id;
  agentToken = login.token;
  await old.stop();

  t = await startTestServer({ dataDir, demoData: true, now: () => old.clock.time });
}, 30_000);

afterAll(async () => {
  await t.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('loading the demo data set', () => {
  // How long the load takes is a benchmark figure (tests/bench/serverDemoLoad.bench.ts), not a test.
  it('loads the whole set in one go, and only into an empty database', async () => {
    const other = await mkdtemp(join(tmpdir(), 'seatdesk-demo-time-'));
    const { server, internals } = await startServerWithInternals({ dataDir: other, demo: true, demoData: false, logger: false });
    try {
      const result = await loadDemoDataIfEmpty(internals.domain, internals.accountsStore, Date.now());
      expect(result).not.toBeNull();
      const data = generateDemoData({ seed: DEMO_SEED, anchor: Date.now() });
      expect(result).toMatchObject({
        customers: data.customers.customers.length,
        conversations: data.history.conversations.length,
        messages: data.history.conversations.reduce((n, c) => n + c.messages.length, 0),
      });
      expect(await loadDemoDataIfEmpty(internals.domain, internals.accountsStore, Date.now())).toBeNull();
    } finally {
      await server.close();
      await rm(other, { recursive: true, force: true });
    }
  }, 30_000);

  it('keeps the accounts that existed, with their ids and sessions, and seats them in teams', async () => {
    const me = await t.get('/api/me', { authorization: `Bearer ${agentToken}` });
    expect(me.status).toBe(200);
    const rows: SyncRow[] = (await t.pullAll(agentToken)).rows;
    const self = rows.find((r) => r.entity === 'agents' && r.id === agentIdBefore);
    expect(self?.data).toMatchObject({ displayName: '李小满', teamIds: ['team-account', 'team-trade'], maxConcurrent: 6 });
    expect(idsOf(rows, 'queues')).toEqual(['q-account', 'q-trade']);
    expect(idsOf(rows, 'conversations').length).toBeGreaterThan(0);
    expect(idsOf(rows, 'kb').length).toBeGreaterThan(10);
  });

  it('gives every demo agent the demo password', async () => {
    for (const username of ['lead', 'shop', 'admin', 'zhouyining', 'luyuan']) {
      expect((await t.login(username, DEMO_PASSWORD)).user.username).toBe(username);
    }
  });

  it('shows the shop account its own shop only, with masked customers', async () => {
    const shop = await t.login('shop');
    const rows = (await t.pullAll(shop.token)).rows;
    expect(idsOf(rows, 'shops')).toEqual(['shop-huaxin']);
    expect(rows.filter((r) => r.entity === 'conversations').every((r) => r.data.shopId === 'shop-huaxin')).toBe(true);
    expect(rows.filter((r) => r.entity === 'orders').every((r) => r.data.shopId === 'shop-huaxin')).toBe(true);
    const customers = rows.filter((r) => r.entity === 'customers');
    expect(customers.length).toBeGreaterThan(0);
    expect(customers.every((r) => /^1\d\d\*{4}\d{4}$/.test(String(r.data.phone)))).toBe(true);
  });

  it('does not load again on the next start', async () => {
    const internals: ServerInternals = t.internals;
    expect(await loadDemoDataIfEmpty(internals.domain, internals.accountsStore, Date.now())).toBeNull();
  });
});
