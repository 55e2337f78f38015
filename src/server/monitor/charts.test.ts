import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_BUCKET_MS, MonitorChartsSchema, type MonitorCharts } from '../../shared/api/monitorCharts';
import { dayStart } from '../../shared/metrics/kpis';
import { startTimedServer, type TimedServer } from '../dispatch/testing';
import { F, type FixtureUser } from '../testing/fixtures';
import { bearer } from '../testing/testServer';

// The monitor's chart series over the real server and a fake clock, against hand-computed figures.

const S = 1_000;

let t: TimedServer;
let start: number;
/** the chat p1 took after 45 s and has not answered yet */
let second: string;
beforeAll(async () => {
  t = await startTimedServer();
  // One minute into a half-hour bucket, so the whole script falls in one bucket.
  t.timers.advance(60 * S);
  start = t.timers.now();
  const c1 = await t.newCustomer();
  const first = (await t.customerSays(c1, F.queueX, '你好，我的退款呢')).conversationId;
  t.timers.advance(10 * S);
  await t.apply('p1', 'conversations.accept', { conversationId: first }); // picked up in 10 s: met
  t.timers.advance(10 * S);
  await t.apply('p1', 'messages.send', { conversationId: first, text: '您好，我来查一下' }); // replied in 20 s
  t.timers.advance(10 * S);
  await t.customerSays(c1, F.queueX, '查到了吗', { conversationId: first });
  t.timers.advance(90 * S);
  await t.apply('p1', 'messages.send', { conversationId: first, text: '已经退回原账户' }); // replied in 90 s
  t.timers.advance(5 * S);
  await t.apply('p1', 'conversations.resolve', { conversationId: first, category: 'refund' });
  second = (await t.customerSays(await t.newCustomer(), F.queueX, '在吗')).conversationId;
  t.timers.advance(45 * S);
  await t.apply('p1', 'conversations.accept', { conversationId: second }); // picked up in 45 s: missed
  t.timers.advance(5 * S);
  await t.customerSays(await t.newCustomer(), F.queueX, '有人吗'); // still waiting, 10 s later
  t.timers.advance(10 * S);
});
afterAll(async () => {
  await t.stop();
});

async function charts(user: FixtureUser): Promise<Response> {
  return t.get('/api/monitor/charts', bearer(t.tokens[user]));
}

async function chartsOf(user: FixtureUser): Promise<MonitorCharts> {
  const response = await charts(user);
  expect(response.status).toBe(200);
  return MonitorChartsSchema.parse(await response.json());
}

describe('monitor charts', () => {
  it('counts waiting and active at each half hour and the pickup rate of the chats queued in it', async () => {
    const c = await chartsOf('leadX');
    const buckets = Math.ceil((t.timers.now() - dayStart(t.timers.now())) / CHART_BUCKET_MS);
    expect(c).toMatchObject({ at: t.timers.now(), dayStart: dayStart(start), bucketMs: CHART_BUCKET_MS });
    const x = c.queues.find((q) => q.queueId === F.queueX)!;
    expect(x.waiting).toHaveLength(buckets);
    // The bucket before the script is empty; the last holds one waiting, one active, 1 met of 2 decided.
    expect([x.waiting.at(-2), x.active.at(-2), x.pickupRate.at(-2)]).toEqual([0, 0, null]);
    expect([x.waiting.at(-1), x.active.at(-1), x.pickupRate.at(-1)]).toEqual([1, 1, 0.5]);
  });

  it('bins today’s reply intervals and counts resolutions per category', async () => {
    const c = await chartsOf('leadX');
    // 20 s (≤ 30 s) and 90 s (≤ 2 min)
    expect(c.replyIntervals).toEqual([1, 0, 1, 0, 0]);
    expect(c.resolutions).toEqual([{ category: 'refund', count: 1 }]);
  });

  it('gives the QC pass rate per agent and shop: a confirmed agent-side flag fails the conversation', async () => {
    const before = await chartsOf('leadX');
    // p1 answered one conversation today (the second was taken, never answered)
    expect(before.qcPass.agents).toEqual([{ id: F.users.p1, name: expect.any(String), handled: 1, failed: 0, rate: 1 }]);
    await t.apply('p1', 'messages.send', { conversationId: second, text: '你把密码告诉我' });
    const flag = (await t.everything('leadX')).rows.find((r) => r.entity === 'qc_flags' && (r.data as { side: string }).side === 'agent');
    expect(flag).toBeDefined();
    await t.apply('leadX', 'qc.review', { flagId: flag!.id, verdict: 'confirmed' });
    const after = await chartsOf('leadX');
    expect(after.qcPass.agents).toEqual([{ id: F.users.p1, name: expect.any(String), handled: 2, failed: 1, rate: 0.5 }]);
    expect(after.qcPass.shops).toEqual([{ id: 'platform', name: 'platform', handled: 2, failed: 1, rate: 0.5 }]);
  });

  it('shows a lead of team Y nothing of team X, and refuses agents', async () => {
    const y = await chartsOf('leadY');
    expect(y.queues.map((q) => q.queueId)).not.toContain(F.queueX);
    expect(y.queues.flatMap((q) => [...q.waiting, ...q.active]).every((n) => n === 0)).toBe(true);
    expect(y.replyIntervals).toEqual([0, 0, 0, 0, 0]);
    expect(y.resolutions).toEqual([]);
    expect((await charts('p1')).status).toBe(403);
  });
});
