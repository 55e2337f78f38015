import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportResponseSchema, type ReportResponse } from '../../src/shared/api/monitor';
import { QcFlagSchema } from '../../src/shared/domain/qc';
import type { Rpc } from '../../src/shared/rpc/client';
import { RpcError } from '../../src/shared/rpc/errors';
import { bearer } from '../../src/server/testing/testServer';
import { eventually, F, fetchAgain, FIXTURE_PASSWORD, useStage, type Stage } from './syncHarness';

// Reports through the core: the server's figures online, the same figures from the cache (a real
// cache file synced from a real server on loopback) when asked or when the server is gone.
const stage = useStage('seatdesk-reports-');

const GROUPS = ['agent', 'team', 'shop'] as const;

/** A morning with every figure in play: pickups, replies, a confirmed QC violation, an appeal, ratings, a shop's chat. */
async function morning(s: Stage): Promise<string[]> {
  const p1 = await s.server.token('p1');
  const mA = await s.server.token('mA');
  const leadX = await s.server.token('leadX');
  const apply = async (token: string, name: string, args: unknown) => expect(await s.server.mutate(token, name, args)).toBe('applied');

  const conv1 = await s.server.customerSays('c1', F.queueX, '你好，我的退款呢');
  await apply(p1, 'conversations.accept', { conversationId: conv1 });
  await apply(p1, 'messages.send', { conversationId: conv1, text: '您好，我来查一下' });
  await s.server.customerSays('c1', F.queueX, '再不处理我就去投诉你们');
  await apply(p1, 'messages.send', { conversationId: conv1, text: '为了核实身份，请提供您的登录密码' });
  const flag = (await s.server.everything(leadX)).filter((r) => r.entity === 'qc_flags').map((r) => QcFlagSchema.parse(r.data)).find((f) => f.side === 'agent')!;
  await apply(leadX, 'qc.review', { flagId: flag.id, verdict: 'confirmed' });
  await apply(p1, 'conversations.resolve', { conversationId: conv1, category: 'refund' });
  const rated = await fetchAgain(`${s.server.url}/api/customer/conversations/${conv1}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(F.tokens.c1) },
    body: JSON.stringify({ csat: 4 }),
  });
  expect(rated.status).toBe(200);

  const conv2 = await s.server.customerSays('c2', F.queueX, '在吗');
  await apply(p1, 'conversations.accept', { conversationId: conv2 });
  await apply(p1, 'messages.send', { conversationId: conv2, text: '在的，请讲' });
  const waiting = await s.server.customerSays('c3', F.queueX, '有人吗');
  const shop = await s.server.customerSays('c4', F.queueA, '发货了吗');
  await apply(mA, 'conversations.accept', { conversationId: shop });
  await apply(mA, 'messages.send', { conversationId: shop, text: '今天发货' });
  return [conv1, conv2, waiting, shop];
}

async function signedIn(user: string): Promise<Rpc> {
  const { rpc } = stage.core();
  await rpc.session.login({ serverUrl: stage.server.url, username: user, password: FIXTURE_PASSWORD });
  await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
  return rpc;
}

async function serverReport(user: 'leadX' | 'admin', query: string): Promise<ReportResponse> {
  const response = await fetchAgain(`${stage.server.url}/api/reports?${query}`, { headers: bearer(await stage.server.token(user)) });
  return ReportResponseSchema.parse(await response.json());
}

describe('reports.build', () => {
  it('computes from the cache the very figures the server reports, by agent, team and shop, for a lead and an admin', async () => {
    const ids = await morning(stage);
    const from = Date.now() - 3600_000;
    const to = Date.now() + 3600_000;
    for (const user of ['leadX', 'admin'] as const) {
      const rpc = await signedIn(user.toLowerCase());
      // the cache holds the morning once the last conversation and message have arrived
      await eventually(async () => (await rpc.messages.list({ conversationId: ids[3]! })).messages.length >= 2 || user === 'leadX', 15_000, 'the shop chat');
      await eventually(async () => (await rpc.conversations.get({ conversationId: ids[1]! })).firstResponseAt !== null, 15_000, 'the second reply');
      for (const groupBy of GROUPS) {
        const online = await rpc.reports.build({ groupBy, from, to });
        const cached = await rpc.reports.build({ groupBy, from, to, source: 'cache' });
        const server = await serverReport(user, `groupBy=${groupBy}&from=${from}&to=${to}`);
        expect(online.source).toBe('server');
        expect(online.rows).toEqual(server.rows);
        expect(cached.source).toBe('cache');
        expect(cached.rows, `${user} by ${groupBy}`).toEqual(server.rows);
        expect(cached.cacheSyncedAt).toBeGreaterThan(from);
      }
    }
    // the figures are the morning's, not empty agreement
    const byAgent = await serverReport('leadX', `groupBy=agent&from=${from}&to=${to}`);
    expect(byAgent.rows).toEqual([expect.objectContaining({ key: F.users.p1, conversations: 2, qcPassRate: 0.5, appealRate: 0.5, csatAvg: 4, csatCount: 1 })]);
  });

  it('answers from the cache, labelled, when the server is gone, and exports XLSX from it', async () => {
    await morning(stage);
    const rpc = await signedIn('leadx');
    const from = Date.now() - 3600_000;
    const to = Date.now() + 3600_000;
    await eventually(async () => (await rpc.reports.build({ groupBy: 'agent', from, to, source: 'cache' })).rows[0]?.avgReplyIntervalMs !== null, 15_000, 'the replies');
    const before = await rpc.reports.build({ groupBy: 'agent', from, to });
    await stage.server.stop();
    await eventually(async () => (await rpc.sync.status()).state !== 'online', 15_000, 'offline');

    const offline = await rpc.reports.build({ groupBy: 'agent', from, to });
    expect(offline).toMatchObject({ source: 'cache', serverError: null, rows: before.rows });

    process.env.SEATDESK_EXPORT_DIR = join(stage.dir, 'exports');
    const saved = await rpc.reports.export({ groupBy: 'agent', from, to, format: 'xlsx', lang: 'en' });
    expect(saved).toMatchObject({ format: 'xlsx', source: 'cache', rows: 1 });
    expect(saved.path.startsWith(join(stage.dir, 'exports'))).toBe(true);
    expect(saved.fileName).toMatch(/^seatdesk-report-agent-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = strFromU8(unzipSync(new Uint8Array(await readFile(saved.path)))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('User p1');
    expect(sheet).toContain('Appeal rate');
    // a second export never overwrites the first
    expect((await rpc.reports.export({ groupBy: 'agent', from, to, format: 'csv' })).path).not.toBe(saved.path);
  });

  it('is for leads and admins only, and names a bad range', async () => {
    const agent = await signedIn('p1');
    const range = { groupBy: 'agent' as const, from: 0, to: 1 };
    await expect(agent.reports.build(range)).rejects.toMatchObject({ code: 'forbidden' });
    const lead = await signedIn('leadx');
    const bad = await lead.reports.build({ groupBy: 'agent', from: 10, to: 5 }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(RpcError);
    expect((bad as RpcError).code).toBe('invalid_args');
    expect((bad as RpcError).message).toMatch(/to/);
  });
});
