import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QcFlagSchema, type QcFlag } from '../../shared/domain/qc';
import { ReportResponseSchema, type ReportResponse } from '../../shared/api/monitor';
import { startTimedServer, type TimedServer } from '../dispatch/testing';
import { F, type FixtureUser } from '../testing/fixtures';
import { bearer } from '../testing/testServer';

// GET /api/reports over the real server and a fake clock: a scripted hour in queue X and shop A
// whose every figure is computed by hand below, by agent, team and shop, and as XLSX.

const S = 1_000;
const MIN = 60 * S;

let t: TimedServer;
let start: number;

async function report(user: FixtureUser, query: string): Promise<ReportResponse> {
  const response = await t.get(`/api/reports?${query}`, bearer(t.tokens[user]));
  expect(response.status).toBe(200);
  return ReportResponseSchema.parse(await response.json());
}

async function flags(): Promise<QcFlag[]> {
  return (await t.everything('admin')).rows.filter((r) => r.entity === 'qc_flags').map((r) => QcFlagSchema.parse(r.data));
}

async function rate(token: string, conversationId: string, csat: number): Promise<void> {
  expect((await t.post(`/api/customer/conversations/${conversationId}/rating`, { csat }, bearer(token))).status).toBe(200);
}

beforeAll(async () => {
  t = await startTimedServer();
  start = t.timers.now();
  // 0 s: customer 1 in queue X; p1 picks up at 10 s (met) and answers at 25 s (reply 25 s, first response 25 s).
  const c1 = await t.newCustomer();
  const conv1 = (await t.customerSays(c1, F.queueX, '你好，我的退款呢')).conversationId;
  t.timers.advance(10 * S);
  await t.apply('p1', 'conversations.accept', { conversationId: conv1 });
  t.timers.advance(15 * S);
  await t.apply('p1', 'messages.send', { conversationId: conv1, text: '您好，我来查一下' });
  // 30 s: the customer threatens a complaint (an appeal); 40 s: p1 asks for a password (reply 10 s), which lead X confirms.
  t.timers.advance(5 * S);
  await t.customerSays(c1, F.queueX, '再不处理我就去投诉你们', { conversationId: conv1 });
  t.timers.advance(10 * S);
  await t.apply('p1', 'messages.send', { conversationId: conv1, text: '为了核实身份，请提供您的登录密码' });
  const askSecret = (await flags()).find((f) => f.ruleId === 'agent.ask_secret')!;
  await t.apply('leadX', 'qc.review', { flagId: askSecret.id, verdict: 'confirmed' });
  // 60 s: resolved (60 s after it was queued), rated 4.
  t.timers.advance(20 * S);
  await t.apply('p1', 'conversations.resolve', { conversationId: conv1, category: 'refund' });
  await rate(c1.token, conv1, 4);

  // 60 s: customer 2; picked up at 100 s (missed), answered at 110 s (reply and first response 50 s), resolved at 120 s, rated 2.
  const c2 = await t.newCustomer();
  const conv2 = (await t.customerSays(c2, F.queueX, '在吗')).conversationId;
  t.timers.advance(40 * S);
  await t.apply('p1', 'conversations.accept', { conversationId: conv2 });
  t.timers.advance(10 * S);
  await t.apply('p1', 'messages.send', { conversationId: conv2, text: '在的，请讲' });
  t.timers.advance(10 * S);
  await t.apply('p1', 'conversations.resolve', { conversationId: conv2, category: 'other' });
  await rate(c2.token, conv2, 2);

  // 130 s: customer 3 waits in queue X, nobody picks up.
  t.timers.advance(10 * S);
  await t.customerSays(await t.newCustomer(), F.queueX, '有人吗');

  // 140 s: two shop A chats. One is taken by mA at 150 s; nobody picks the other up and at 4:20 its customer escalates it.
  t.timers.advance(10 * S);
  const shop1 = (await t.customerSays(await t.newCustomer(), F.queueA, '发货了吗')).conversationId;
  const unanswered = await t.newCustomer();
  const shop2 = (await t.customerSays(unanswered, F.queueA, '商品有质量问题')).conversationId;
  t.timers.advance(10 * S);
  await t.apply('mA', 'conversations.accept', { conversationId: shop1 });
  t.timers.advance(2 * MIN + 10 * S);
  expect((await t.post(`/api/customer/conversations/${shop2}/escalate`, {}, bearer(unanswered.token))).status).toBe(200);
  t.timers.advance(10 * S);
});

afterAll(async () => {
  await t?.stop();
});

const range = (toSec: number, groupBy = 'agent') => `groupBy=${groupBy}&from=${start}&to=${start + toSec * S}`;

describe('GET /api/reports', () => {
  it('gives each agent their conversations’ pickup, reply, first response, resolution, QC, CSAT and appeal figures', async () => {
    const { rows } = await report('leadX', range(150));
    expect(rows).toEqual([
      {
        key: F.users.p1,
        name: 'User p1',
        conversations: 2,
        pickup30Rate: 0.5, // met at 10 s, missed at 40 s
        avgReplyIntervalMs: ((25 + 10 + 50) / 3) * S,
        avgFirstResponseMs: ((25 + 50) / 2) * S,
        avgResolutionMs: 60 * S,
        qcPassRate: 0.5, // two handled, one with a confirmed violation
        escalationRate: null, // no merchant conversations
        csatAvg: 3,
        csatCount: 2,
        appealRate: 0.5,
      },
    ]);
  });

  it('counts a team’s waiting chat as pending inside 30 s and missed after, as of the end of the range', async () => {
    const at = async (toSec: number) => (await report('leadX', range(toSec, 'team'))).rows;
    expect(await at(150)).toMatchObject([{ key: F.teamX, name: 'Team X', conversations: 3, pickup30Rate: 0.5, appealRate: 1 / 3, qcPassRate: 0.5 }]);
    // customer 3 has waited 31 s at 161 s
    expect((await at(161))[0]).toMatchObject({ conversations: 3, pickup30Rate: 1 / 3 });
  });

  it('gives a shop its escalation rate, and leaves the platform’s conversations out of the shop view', async () => {
    const { rows } = await report('admin', range(300, 'shop'));
    // The escalated chat was queued again at 280 s (in the platform's queue): at 300 s it is pending.
    expect(rows).toEqual([
      expect.objectContaining({ key: F.shopA, name: 'Shop A', conversations: 2, escalationRate: 0.5, pickup30Rate: 1, appealRate: 0, qcPassRate: null }),
    ]);
  });

  it('names nobody outside the caller’s teams', async () => {
    expect((await report('leadY', range(300))).rows).toEqual([]);
    expect((await report('leadY', range(300, 'team'))).rows.map((r) => r.key)).toEqual([F.teamY]); // the escalated chat
  });

  it('exports XLSX with the date range in the file name, percentages and seconds as numbers', async () => {
    const response = await t.get(`/api/reports?${range(150)}&format=xlsx&lang=en`, bearer(t.tokens.leadX));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const day = new Date(start + 8 * 3600 * S).toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="seatdesk-report-agent-${day}_${day}.xlsx"`);
    const sheet = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">30-second pickup rate</t>');
    expect(sheet).toContain('<c r="D2" s="4"><v>0.5</v></c>'); // pickup rate, "0.00%"
    expect(sheet).toContain('<c r="F2" s="3"><v>37.5</v></c>'); // first response in seconds
  });

  it('names a bad format', async () => {
    const bad = await t.get(`/api/reports?${range(150)}&format=pdf`, bearer(t.tokens.leadX));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/format/);
  });
});
