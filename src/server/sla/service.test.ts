import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../db/open';
import { startTimedServer, type TimedServer } from '../dispatch/testing';
import { FakeScheduler } from '../routing/testing/fakeScheduler';
import { F, FIXTURE_PASSWORD } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/testServer';
import { openCollector } from '../testing/wsClient';

// The SLA timers in the running server: breaches fire on the fake clock, are recorded once in
// sla_breaches, make merchant chats escalatable on the synced row, and survive a restart.

const S = 1_000;
const MIN = 60 * S;

let t: TimedServer;
/** a server started on t's folder after t stopped (stopping twice is harmless) */
let restarted: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await restarted?.stop();
  await t.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  restarted = undefined;
  dataDir = undefined;
});

interface Breach {
  key: string;
  conversation_id: string;
  kind: string;
  due_at: number;
  fired_at: number;
}

/** sla_breaches as committed, read from the database file like any other reader would. */
function breaches(dir: string, conversationId: string): Breach[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[string], Breach>('SELECT * FROM sla_breaches WHERE conversation_id = ? ORDER BY due_at, kind').all(conversationId);
  } finally {
    db.close();
  }
}

async function chatIn(queueId: string) {
  const customer = await t.newCustomer();
  const { conversationId } = await t.customerSays(customer, queueId, '在吗');
  return { customer, conversationId };
}

async function adminRow(server: TestServer, token: string, id: string) {
  const rows = (await server.pullAll(token)).rows;
  return rows.find((r) => r.entity === 'conversations' && r.id === id)?.data;
}

describe('the 30-second pickup', () => {
  it('records a miss once per queue stay, in every kind of queue, and nothing for a chat picked up in time', async () => {
    t = await startTimedServer();
    const start = t.timers.now();
    const late = await chatIn(F.queueX);
    const quick = await chatIn(F.queueX);
    t.timers.advance(29 * S);
    await t.apply('p1', 'conversations.accept', { conversationId: quick.conversationId });
    t.timers.advance(S - 1);
    expect(breaches(t.dataDir, late.conversationId)).toEqual([]);
    t.timers.advance(1);
    expect(breaches(t.dataDir, late.conversationId)).toEqual([
      { key: `pickup_30s@${start}#${late.conversationId}`, conversation_id: late.conversationId, kind: 'pickup_30s', due_at: start + 30 * S, fired_at: start + 30 * S },
    ]);
    t.timers.advance(10 * MIN);
    expect(breaches(t.dataDir, late.conversationId)).toHaveLength(1);
    expect(breaches(t.dataDir, quick.conversationId)).toEqual([]);
    // a platform chat never becomes escalatable
    expect(await adminRow(t, t.tokens.admin, late.conversationId)).toMatchObject({ escalatableAt: null, escalationReason: null });
  });
});

describe('merchant timers', () => {
  it('makes an unpicked merchant chat escalatable at exactly 2 minutes, pushed to those who see it', async () => {
    t = await startTimedServer();
    const admin = await openCollector(t.url, t.tokens.admin);
    const start = t.timers.now();
    const { conversationId } = await chatIn(F.queueA);
    t.timers.advance(2 * MIN - 1);
    expect(await adminRow(t, t.tokens.admin, conversationId)).toMatchObject({ escalatableAt: null });
    t.timers.advance(1);
    const pushed = await admin.next((f) => f.t === 'rows' && (f.rows as { entity: string; id: string; data: { escalatableAt?: number } }[]).some((r) => r.entity === 'conversations' && r.id === conversationId && r.data.escalatableAt === start + 2 * MIN));
    expect(pushed).toBeDefined();
    expect(await adminRow(t, t.tokens.admin, conversationId)).toMatchObject({ escalatableAt: start + 2 * MIN, escalationReason: 'no_pickup_2m' });
    expect(breaches(t.dataDir, conversationId).map((b) => b.kind)).toEqual(['pickup_30s', 'no_pickup_2m']);
    await admin.close();
  });

  it('makes a merchant chat escalatable when a customer message waits 5 minutes for a reply, and keeps it so after a late answer', async () => {
    t = await startTimedServer();
    const { customer, conversationId } = await chatIn(F.queueA);
    await t.apply('mA', 'conversations.accept', { conversationId });
    await t.apply('mA', 'messages.send', { conversationId, text: '您好' });
    t.timers.advance(MIN);
    const asked = t.timers.now();
    await t.customerSays(customer, F.queueA, '我的订单呢', { conversationId });
    t.timers.advance(4 * MIN);
    await t.customerSays(customer, F.queueA, '还在吗', { conversationId }); // does not push the deadline out
    t.timers.advance(MIN - 1);
    expect(await adminRow(t, t.tokens.mA, conversationId)).toMatchObject({ escalatableAt: null });
    t.timers.advance(1);
    expect(await adminRow(t, t.tokens.mA, conversationId)).toMatchObject({ escalatableAt: asked + 5 * MIN, escalationReason: 'no_reply_5m' });
    await t.apply('mA', 'messages.send', { conversationId, text: '抱歉久等' });
    expect(await adminRow(t, t.tokens.mA, conversationId)).toMatchObject({ escalationReason: 'no_reply_5m' });
    await t.apply('mA', 'conversations.resolve', { conversationId, category: 'done' });
    expect(await adminRow(t, t.tokens.mA, conversationId)).toMatchObject({ escalatableAt: null, escalationReason: null });
  });

  it('fires nothing for a merchant agent who answers in time', async () => {
    t = await startTimedServer();
    const { customer, conversationId } = await chatIn(F.queueA);
    t.timers.advance(20 * S);
    await t.apply('mA', 'conversations.accept', { conversationId });
    await t.customerSays(customer, F.queueA, '请问发货了吗', { conversationId });
    t.timers.advance(5 * MIN - 1);
    await t.apply('mA', 'messages.send', { conversationId, text: '已发货' });
    t.timers.advance(30 * MIN);
    expect(breaches(t.dataDir, conversationId)).toEqual([]);
    expect(await adminRow(t, t.tokens.admin, conversationId)).toMatchObject({ escalatableAt: null });
  });
});

describe('across a restart', () => {
  it('fires what fell due while the server was down, once, and keeps the timers running', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seatdesk-sla-'));
    dataDir = dir;
    t = await startTimedServer({ dataDir: dir });
    const start = t.timers.now();
    const waiting = await chatIn(F.queueA);
    const held = await chatIn(F.queueA);
    await t.apply('mA', 'conversations.accept', { conversationId: held.conversationId });
    await t.apply('mA', 'messages.send', { conversationId: held.conversationId, text: '您好' });
    t.timers.advance(MIN);
    await t.customerSays(held.customer, F.queueA, '怎么退货', { conversationId: held.conversationId });
    const asked = t.timers.now();
    await t.stop();

    // Down for two minutes: the 2-minute pickup breach fell due at start + 2 min.
    const timers = new FakeScheduler(start + 3 * MIN);
    restarted = await startTestServer({ dataDir: dir, now: timers.now, scheduler: timers });
    const admin = (await restarted.login('admin', FIXTURE_PASSWORD)).token;
    expect(breaches(dir, waiting.conversationId).map((b) => [b.kind, b.fired_at])).toEqual([
      ['pickup_30s', start + 30 * S],
      ['no_pickup_2m', start + 3 * MIN],
    ]);
    expect(await adminRow(restarted, admin, waiting.conversationId)).toMatchObject({ escalatableAt: start + 2 * MIN, escalationReason: 'no_pickup_2m' });

    // The reply clock of the held chat carries on from before the restart.
    timers.advanceTo(asked + 5 * MIN - 1);
    expect(breaches(dir, held.conversationId)).toEqual([]);
    timers.advance(1);
    expect(breaches(dir, held.conversationId).map((b) => [b.kind, b.fired_at])).toEqual([['no_reply_5m', asked + 5 * MIN]]);
    expect(breaches(dir, waiting.conversationId)).toHaveLength(2);
  });
});
