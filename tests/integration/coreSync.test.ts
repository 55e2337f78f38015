import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/rpc/eventHub';
import { Workspace } from '../../src/main/core/workspace/workspace';
import { cacheFilePath } from '../../src/main/core/cache/openCache';
import { cachedRows, eventually, F, FIXTURE_PASSWORD, hashRows, record, useStage } from './syncHarness';

// A real server on loopback and real cores with real cache files: first sync, live push, account isolation.
const stage = useStage('seatdesk-sync-');

async function signedIn(user: string) {
  const handle = stage.core();
  const info = await handle.rpc.session.login({ serverUrl: stage.server.url, username: user, password: FIXTURE_PASSWORD });
  return { ...handle, info, dataDir: join(stage.dir, 'core') };
}

describe('first sync and live push', () => {
  it('pulls everything the user may see, with progress, and the cache equals the server', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, '我要申请退款，订单还没到');
    const lead = await signedIn('leadx');
    const progress = record(lead.rpc, 'sync.progress');
    const done = await eventually(async () => {
      const p = await lead.rpc.sync.progress();
      return p.syncedAt !== null && p.phase === 'idle' ? p : null;
    });
    expect(done.done).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ phase: 'idle', done: done.done, total: done.done });

    const truth = await stage.server.everything(await stage.server.token('leadX'));
    expect(hashRows(cachedRows(lead.dataDir, stage.server.url, lead.info.userId, { secrets: lead.secrets }))).toBe(hashRows(truth));

    const queues = await lead.rpc.queues.list();
    expect(queues.find((q) => q.id === F.queueX)).toMatchObject({ waiting: 1 });
    const queued = await lead.rpc.conversations.list({ filter: 'queued' });
    expect(queued.map((c) => c.id)).toEqual([conversationId]);
    expect(queued[0]).toMatchObject({ customer: { name: 'Customer One', level: 'normal' }, lastMessage: { body: '我要申请退款，订单还没到' } });
    const hits = await lead.rpc.search.history({ query: '退款' });
    expect(hits.hits[0]).toMatchObject({ kind: 'message', conversationId, ranges: [{ start: 4, end: 6 }] });
  });

  it('applies a customer message pushed live and raises one messages.changed for it', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, 'hello');
    const lead = await signedIn('leadx');
    await eventually(async () => (await lead.rpc.sync.progress()).syncedAt);
    const changed = record(lead.rpc, 'messages.changed');
    await stage.server.customerSays('c1', F.queueX, '密码忘记了');
    const event = await eventually(() => changed.find((e) => e.conversationIds.includes(conversationId)));
    expect(event.ids).toHaveLength(1);
    const page = await lead.rpc.messages.list({ conversationId });
    expect(page.messages.map((m) => m.body)).toEqual(['hello', '密码忘记了']);
    expect(page.messages.every((m) => m.delivery === 'sent')).toBe(true);
    expect((await lead.rpc.conversations.get({ conversationId })).unread).toBe(2);
    const listsChanged = record(lead.rpc, 'conversations.changed');
    await lead.rpc.conversations.read({ conversationId });
    expect((await lead.rpc.conversations.get({ conversationId })).unread).toBe(0);
    await eventually(() => listsChanged.some((e) => e.ids.includes(conversationId)));
  });
});

describe('pushed frames and accounts', () => {
  it('ignores duplicate and out-of-order rows frames, and pulls when a frame reveals a gap', async () => {
    await stage.server.customerSays('c1', F.queueX, 'first');
    await stage.server.customerSays('c1', F.queueX, 'second');
    const token = await stage.server.token('leadX');
    const truth = await stage.server.everything(token);
    const file = join(stage.dir, 'frames.sqlite');
    const hub = new EventHub();
    const changed: string[] = [];
    hub.subscribe('messages.changed', (payload) => changed.push(...(payload as { ids: string[] }).ids));
    const ws = new Workspace({ file, keys: null, serverUrl: stage.server.url, token, userId: F.users.leadX, hub, isOnline: () => false });
    try {
      const bySeq = [...truth].sort((a, b) => a.seq - b.seq);
      const half = Math.floor(bySeq.length / 2);
      const early = { t: 'rows', rows: bySeq.slice(0, half), prev: 0 };
      const late = { t: 'rows', rows: bySeq.slice(half), prev: bySeq[half - 1]!.seq };
      ws.frame(early);
      ws.frame(late);
      ws.frame(early); // a duplicate
      ws.frame({ t: 'rows', rows: [...bySeq].reverse(), prev: 0 }); // everything again, newest first
      ws.frame({ t: 'rows', rows: [{ entity: 'messages', id: 'bad', seq: 1, deleted: false, data: { body: 42 } }], prev: 0 }); // malformed: skipped
      await ws.engine.idle();
      const rows = cachedRows(stage.dir, stage.server.url, F.users.leadX, { file });
      expect(hashRows(rows)).toBe(hashRows(truth));
      // Each message was reported once, when it first arrived: replays changed nothing.
      expect(changed.sort()).toEqual(truth.filter((r) => r.entity === 'messages').map((r) => r.id).sort());

      // A frame whose prev is beyond the cursor means rows were missed: the engine pulls them.
      await stage.server.customerSays('c1', F.queueX, 'third');
      const newer = await stage.server.everything(token);
      ws.frame({ t: 'rows', rows: [], prev: Math.max(...newer.map((r) => r.seq)) });
      await ws.engine.idle();
      expect(hashRows(cachedRows(stage.dir, stage.server.url, F.users.leadX, { file }))).toBe(hashRows(newer));
    } finally {
      await ws.close();
    }
  });

  it('keeps each account in its own cache file: a second user sees none of the first one\'s rows or drafts', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, 'hello');
    const handle = await signedIn('leadx');
    await eventually(async () => (await handle.rpc.sync.progress()).syncedAt);
    await handle.rpc.drafts.set({ conversationId, text: 'lead draft' });
    expect((await handle.rpc.canned.list()).map((c) => c.id)).toContain(F.canned.x);

    const p2 = await handle.rpc.session.login({ serverUrl: stage.server.url, username: 'p2', password: FIXTURE_PASSWORD });
    await eventually(async () => (await handle.rpc.sync.progress()).syncedAt);
    expect(cacheFilePath(handle.dataDir, stage.server.url, p2.userId)).not.toBe(cacheFilePath(handle.dataDir, stage.server.url, F.users.leadX));
    expect((await handle.rpc.canned.list()).map((c) => c.id)).not.toContain(F.canned.x);
    expect(await handle.rpc.conversations.list({ filter: 'queued' })).toEqual([]);
    expect(await handle.rpc.drafts.get({ conversationId })).toBeNull();
    const p2Rows = cachedRows(handle.dataDir, stage.server.url, p2.userId, { secrets: handle.secrets });
    expect(p2Rows.some((r) => r.id === conversationId || r.id === F.canned.x)).toBe(false);
    expect(hashRows(p2Rows)).toBe(hashRows(await stage.server.everything(await stage.server.token('p2'))));

    await handle.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    expect(await handle.rpc.drafts.get({ conversationId })).toMatchObject({ text: 'lead draft' });
  });
});

describe('reads and search from the cache', () => {
  it('searches history by text, customer name and order id, with filters, and finds KB and canned replies', async () => {
    const refund = await stage.server.customerSays('c1', F.queueX, '订单 DD20250101000001 申请退款');
    await stage.server.customerSays('c2', F.queueY, '我也要退款');
    const lead = await signedIn('leadx');
    await eventually(async () => (await lead.rpc.sync.progress()).syncedAt);

    const text = await lead.rpc.search.history({ query: '退款' });
    expect(text.hits.map((h) => h.conversationId)).toEqual([refund]); // leadX does not see queue Y
    const byName = await lead.rpc.search.history({ query: 'Customer One' });
    expect(byName.hits[0]).toMatchObject({ kind: 'conversation', conversationId: refund, snippet: 'Customer One', customerName: 'Customer One' });
    expect(byName.hits[0]!.ranges).toEqual([{ start: 0, end: 8 }, { start: 9, end: 12 }]);
    const byOrder = await lead.rpc.search.history({ query: 'DD20250101000001' });
    expect(byOrder.hits.map((h) => h.kind)).toEqual(['message']);
    expect((await lead.rpc.search.history({ query: '退款', queueId: F.queueY })).hits).toEqual([]);
    expect((await lead.rpc.search.history({ query: '退款', status: 'queued', channel: 'chat' })).hits).toHaveLength(1);
    expect((await lead.rpc.search.history({ query: '退款', to: 1 })).hits).toEqual([]);
    expect((await lead.rpc.search.history({ query: '', customerId: F.customers.c1 })).hits.map((h) => h.conversationId)).toEqual([refund]);
    await expect(lead.rpc.search.history({ query: 'x', limit: 0 })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('limit') });

    const kb = await lead.rpc.kb.search({ query: 'kb-x' });
    expect(kb.map((h) => h.article.id)).toContain(F.kb.x);
    expect(kb.map((h) => h.article.id)).not.toContain(F.kb.y);
    expect((await lead.rpc.canned.list({ query: 'hello' })).length).toBeGreaterThan(0);

    const profile = await lead.rpc.customers.get({ customerId: F.customers.c1 });
    expect(profile.customer.phone).toBe('138****5678');
    expect(profile.conversations.map((c) => c.id)).toEqual([refund]);
    await expect(lead.rpc.customers.get({ customerId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('resyncs from 0 when the server comes back from an older copy of its database', async () => {
    const first = await stage.server.customerSays('c1', F.queueX, 'before the backup');
    const lead = await signedIn('leadx');
    await eventually(async () => (await lead.rpc.sync.progress()).syncedAt);
    await stage.server.stop();
    const db = join(stage.server.dataDir, 'server.db');
    await copyFile(db, join(stage.dir, 'backup.db'));
    await stage.server.start();
    // Many writes after the backup, so the live server's seq runs well past the backup's.
    for (let i = 0; i < 5; i += 1) await stage.server.customerSays('c2', F.queueX, `after the backup ${i}`);
    await eventually(async () => (await lead.rpc.conversations.list({ filter: 'queued' })).length === 2);

    await stage.server.stop();
    await copyFile(join(stage.dir, 'backup.db'), db);
    await rm(`${db}-wal`, { force: true });
    await rm(`${db}-shm`, { force: true });
    await stage.server.start();
    await eventually(async () => (await lead.rpc.conversations.list({ filter: 'queued' })).length === 1, 40_000, 'the resync');
    expect((await lead.rpc.conversations.list({ filter: 'queued' })).map((c) => c.id)).toEqual([first]);
    const truth = await stage.server.everything(await stage.server.token('leadX'));
    await eventually(() => hashRows(cachedRows(lead.dataDir, stage.server.url, lead.info.userId, { secrets: lead.secrets })) === hashRows(truth), 10_000, 'equal caches');
  }, 60_000);
});
