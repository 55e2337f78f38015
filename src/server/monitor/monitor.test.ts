import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  MonitorAlertSchema,
  MonitorDeltaSchema,
  MonitorSnapshotSchema,
  QcListResponseSchema,
  ReportResponseSchema,
  type MonitorAlert,
  type MonitorSnapshot,
} from '../../shared/api/monitor';
import { ESCALATION_QUEUE, startTimedServer, type TimedServer } from '../dispatch/testing';
import { hashPassword } from '../accounts/passwords';
import { F, FIXTURE_PASSWORD, type FixtureUser } from '../testing/fixtures';
import { bearer } from '../testing/testServer';
import { openCollector, type Frame, type WsCollector } from '../testing/wsClient';
import { MONITOR_FLUSH_MS } from './feed';

// The team-lead monitor over the real server and a fake clock: a scripted morning in team X's
// queue with hand-computed figures, live deltas and alerts, a merchant who does not answer, the
// interventions, and what a lead of another team (or an agent) gets.

const S = 1_000;
const MIN = 60 * S;

let t: TimedServer;
beforeAll(async () => {
  t = await startTimedServer();
});
afterAll(async () => {
  await t.stop();
});

async function snapshot(user: FixtureUser): Promise<MonitorSnapshot> {
  const response = await t.get('/api/monitor/snapshot', bearer(t.tokens[user]));
  expect(response.status).toBe(200);
  return MonitorSnapshotSchema.parse(await response.json());
}

const queueOf = (s: MonitorSnapshot, id: string) => s.queues.find((q) => q.queueId === id);
const agentOf = (s: MonitorSnapshot, id: string) => s.agents.find((a) => a.agentId === id);

async function setRules(user: FixtureUser, rules: unknown): Promise<Response> {
  return fetch(`${t.url}/api/monitor/alerts`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(t.tokens[user]) }, body: JSON.stringify(rules) });
}

function alertsOn(ws: WsCollector): MonitorAlert[] {
  return ws.frames.filter((f) => f.t === 'event' && f.name === 'monitor.alert').map((f) => MonitorAlertSchema.parse(f.payload));
}

const isAlert = (kind: string, state: string) => (f: Frame) =>
  f.t === 'event' && f.name === 'monitor.alert' && (f.payload as MonitorAlert).kind === kind && (f.payload as MonitorAlert).state === state;

/** Lets the feed look (its timer runs on the fake clock) and the frames arrive. */
async function look(): Promise<void> {
  t.timers.advance(MONITOR_FLUSH_MS);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a scripted morning in queue X', () => {
  let start: number;
  const conv: string[] = [];
  let leadX: WsCollector;

  beforeAll(async () => {
    start = t.timers.now();
    // 0 s: first customer; picked up after 10 s (met), answered at 20 s.
    const c1 = await t.newCustomer();
    conv.push((await t.customerSays(c1, F.queueX, '你好，我的退款呢')).conversationId);
    t.timers.advance(10 * S);
    await t.apply('p1', 'conversations.accept', { conversationId: conv[0] });
    t.timers.advance(10 * S);
    await t.apply('p1', 'messages.send', { conversationId: conv[0], text: '您好，我来查一下' });
    // 30 s: second customer; picked up after 45 s (missed).
    t.timers.advance(10 * S);
    const c2 = await t.newCustomer();
    conv.push((await t.customerSays(c2, F.queueX, '在吗')).conversationId);
    t.timers.advance(45 * S);
    await t.apply('p1', 'conversations.accept', { conversationId: conv[1] });
    // 80 s: a third customer waits; the first conversation is resolved.
    t.timers.advance(5 * S);
    const c3 = await t.newCustomer();
    conv.push((await t.customerSays(c3, F.queueX, '有人吗')).conversationId);
    await t.apply('p1', 'conversations.resolve', { conversationId: conv[0], category: 'refund' });
    t.timers.advance(10 * S);
  });

  afterAll(async () => {
    await leadX?.close();
  });

  it('counts waiting, active and the 30-second pickup rate with a pending chat left out', async () => {
    const s = await snapshot('leadX');
    expect(s.at).toBe(start + 90 * S);
    expect(queueOf(s, F.queueX)).toMatchObject({
      waiting: 1,
      oldestQueuedAt: start + 80 * S,
      active: 1,
      // conv 0 met, conv 1 missed, conv 2 waits 10 s: pending
      pickup30: { last15m: { met: 1, decided: 2, rate: 0.5 }, today: { met: 1, decided: 2, rate: 0.5 } },
      merchant: null,
      escalatedToday: 0,
    });
    t.timers.advance(21 * S); // conv 2 has now waited 31 s
    expect(queueOf(await snapshot('leadX'), F.queueX)?.pickup30.today).toEqual({ met: 1, decided: 3, rate: 1 / 3 });
  });

  it('gives each agent of the team active chats, reply interval, first response and resolved today', async () => {
    const p1 = agentOf(await snapshot('leadX'), F.users.p1);
    expect(p1).toMatchObject({ presence: 'offline', active: 1, capacity: 50, avgReplyIntervalMs: 20 * S, avgFirstResponseMs: 20 * S, resolvedToday: 1, openQcFlags: 0 });
  });

  it('moves the 15-minute window on: entries older than 15 minutes leave it, today keeps them', async () => {
    t.timers.advance(15 * MIN);
    const q = queueOf(await snapshot('leadX'), F.queueX)!;
    expect(q.pickup30.today).toEqual({ met: 1, decided: 3, rate: 1 / 3 });
    expect(q.pickup30.last15m).toEqual({ met: 0, decided: 0, rate: null });
  });

  it('shows a lead of team Y nothing of team X, and refuses agents with 403', async () => {
    const y = await snapshot('leadY');
    expect(queueOf(y, F.queueX)).toBeUndefined();
    expect(agentOf(y, F.users.p1)).toBeUndefined();
    expect(y.queues.map((q) => q.queueId).sort()).toEqual([ESCALATION_QUEUE, F.queueY].sort());
    expect(y.agents.map((a) => a.agentId)).toEqual([F.users.p2]);
    for (const path of ['/api/monitor/snapshot', '/api/monitor/qc', `/api/reports?groupBy=agent&from=${t.timers.now() - 1}&to=${t.timers.now()}`, '/api/monitor/alerts']) {
      expect((await t.get(path, bearer(t.tokens.p1))).status).toBe(403);
    }
    expect((await t.get('/api/monitor/snapshot')).status).toBe(401);
  });

  it('pushes only the changed rows to the lead within one look, coalescing a burst, and nothing to another team’s lead', async () => {
    leadX = await openCollector(t.url, t.tokens.leadX);
    const leadY = await openCollector(t.url, t.tokens.leadY);
    await look(); // the first look sends every row
    const before = leadX.frames.filter((f) => f.t === 'event' && f.name === 'monitor.changed').length;
    expect(before).toBe(1);
    const c4 = await t.newCustomer();
    conv.push((await t.customerSays(c4, F.queueX, '第四位')).conversationId);
    const c5 = await t.newCustomer();
    await t.customerSays(c5, F.queueX, '第五位');
    await look();
    const deltas = leadX.frames.filter((f) => f.t === 'event' && f.name === 'monitor.changed').map((f) => MonitorDeltaSchema.parse(f.payload));
    expect(deltas).toHaveLength(2);
    expect(deltas[1]!.queues.map((q) => [q.queueId, q.waiting])).toEqual([[F.queueX, 3]]);
    expect(deltas[1]!.agents).toEqual([]);
    const toY = leadY.frames.filter((f) => f.t === 'event' && f.name === 'monitor.changed').map((f) => MonitorDeltaSchema.parse(f.payload));
    expect(toY).toHaveLength(1); // its first look only: team X's chats are none of its business
    expect(toY[0]!.queues.map((q) => q.queueId)).not.toContain(F.queueX);
    await leadY.close();
  });

  it('raises an alert once when a threshold is crossed and clears it once when back under', async () => {
    expect((await setRules('leadX', { waitingOver: 2, longestWaitOverSec: 600 })).status).toBe(200);
    await look();
    const raised = await leadX.next(isAlert('waiting_over', 'raised'));
    expect(raised.payload).toMatchObject({ queueId: F.queueX, agentId: null, value: 3, threshold: 2 });
    // conv 2 has waited 16 min: over 600 s
    expect(alertsOn(leadX).find((a) => a.kind === 'longest_wait_over')).toMatchObject({ queueId: F.queueX, state: 'raised' });
    await look();
    await look();
    expect(alertsOn(leadX).filter((a) => a.kind === 'waiting_over')).toHaveLength(1);
    expect((await snapshot('leadX')).alerts.map((a) => a.kind).sort()).toEqual(['longest_wait_over', 'waiting_over']);

    await t.apply('p1', 'conversations.accept', { conversationId: conv[2]! });
    await look();
    await leadX.next(isAlert('waiting_over', 'cleared'));
    await leadX.next(isAlert('longest_wait_over', 'cleared'));
    expect(alertsOn(leadX).filter((a) => a.kind === 'waiting_over').map((a) => a.state)).toEqual(['raised', 'cleared']);
  });

  it('warns about an online agent with room while chats wait', async () => {
    expect((await setRules('leadX', { agentIdleWhileWaiting: true })).status).toBe(200);
    const p1 = await t.online('p1');
    await look();
    const idle = await leadX.next(isAlert('agent_idle', 'raised'));
    expect(idle.payload).toMatchObject({ agentId: F.users.p1, queueId: null, value: 2 });
    expect(agentOf(await snapshot('leadX'), F.users.p1)).toMatchObject({ presence: 'online', presenceSince: expect.any(Number) });
    await t.apply('p1', 'presence.set', { presence: 'away', reason: 'lunch' });
    // a snapshot taken first notices the change too; the next look must still act on it
    expect(agentOf(await snapshot('leadX'), F.users.p1)).toMatchObject({ presence: 'away' });
    await look();
    await leadX.next(isAlert('agent_idle', 'cleared'));
    await p1.close();
  });

  it('names a bad threshold and keeps the old ones', async () => {
    const bad = await setRules('leadX', { waitingOver: -1, surprise: true });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/waitingOver/);
    const kept = await t.get('/api/monitor/alerts', bearer(t.tokens.leadX));
    expect(await kept.json()).toEqual({ agentIdleWhileWaiting: true });
  });
});

describe('a merchant who does not reply within 5 minutes', () => {
  it('drops the reply compliance of the shop’s queue and fires the alert', async () => {
    expect((await setRules('admin', { replyComplianceUnderPct: 90 })).status).toBe(200);
    const admin = await openCollector(t.url, t.tokens.admin);
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueA, '我想问下发货时间');
    t.timers.advance(30 * S);
    await t.apply('mA', 'conversations.accept', { conversationId });
    await t.apply('mA', 'messages.send', { conversationId, text: '您好' });
    t.timers.advance(S);
    await t.customerSays(customer, F.queueA, '今天能发吗', { conversationId });
    const before = queueOf(await snapshot('admin'), F.queueA)!;
    expect(before.merchant).toEqual({ pickup2m: { met: 0, decided: 0, rate: null }, reply5m: { met: 1, decided: 1, rate: 1 } });
    await look();
    expect(alertsOn(admin).filter((a) => a.kind === 'reply_compliance_under')).toEqual([]);

    t.timers.advance(5 * MIN);
    const after = queueOf(await snapshot('admin'), F.queueA)!;
    // the visit began 5½ minutes ago: its 2-minute pickup is decided (met), and the reply target was missed
    expect(after.merchant).toEqual({ pickup2m: { met: 1, decided: 1, rate: 1 }, reply5m: { met: 0, decided: 1, rate: 0 } });
    await look();
    const alert = await admin.next(isAlert('reply_compliance_under', 'raised'));
    expect(alert.payload).toMatchObject({ queueId: F.queueA, value: 0, threshold: 90 });
    await admin.close();
  });
});

describe('interventions', () => {
  let conversationId: string;
  beforeAll(async () => {
    const customer = await t.newCustomer();
    ({ conversationId } = await t.customerSays(customer, F.queueX, '帮我看看订单'));
    await t.apply('p1', 'conversations.accept', { conversationId });
  });

  const row = (id: string) => t.internals.domain.conversations.conversation(id)!;

  it('whispers a note the agent sees and the customer does not, audited', async () => {
    const rows = await t.apply('leadX', 'monitor.whisper', { conversationId, text: '先安抚客户情绪' });
    const note = (await t.everything('p1')).rows.find((r) => r.entity === 'messages' && r.id === rows[0]!.id);
    expect(note?.data).toMatchObject({ kind: 'note', senderId: F.users.leadX, body: '先安抚客户情绪' });
    expect(t.internals.domain.audit.entriesFor(`conversations/${conversationId}`).map((e) => e.action)).toContain('monitor.whisper');
  });

  it('takes the chat over: it becomes the lead’s, and the move is audited', async () => {
    await t.apply('leadX', 'monitor.takeover', { conversationId });
    expect(row(conversationId)).toMatchObject({ assigneeId: F.users.leadX, status: 'assigned' });
    expect(t.internals.domain.audit.entriesFor(`conversations/${conversationId}`).find((e) => e.action === 'monitor.takeover')).toMatchObject({
      action: 'monitor.takeover',
      userId: F.users.leadX,
      detail: { fromAgentId: F.users.p1 },
    });
  });

  it('reassigns within capacity, or past it only when forced', async () => {
    await t.apply('leadX', 'monitor.setCapacity', { agentId: F.users.p1, maxConcurrent: 1 });
    expect(t.internals.domain.org.user(F.users.p1)?.maxConcurrent).toBe(1);
    expect(t.internals.domain.routing.router.agent(F.users.p1)?.maxConcurrent).toBe(1);
    // p1 holds nothing now (their chats went back to the queue when their socket closed): room for one
    expect(t.internals.domain.conversations.activeCountFor(F.users.p1)).toBe(0);
    const customer = await t.newCustomer();
    const other = (await t.customerSays(customer, F.queueX, '另一位')).conversationId;
    await t.apply('leadX', 'monitor.reassign', { conversationId: other, agentId: F.users.p1 });
    const refused = await t.act('leadX', 'monitor.reassign', { conversationId, agentId: F.users.p1 });
    expect(refused).toMatchObject({ status: 'rejected', code: 'conflict', message: expect.stringContaining('capacity') });
    await t.apply('leadX', 'monitor.reassign', { conversationId, agentId: F.users.p1, force: true });
    expect(row(conversationId).assigneeId).toBe(F.users.p1);
    expect(t.internals.domain.audit.entriesFor(`agents/${F.users.p1}`).map((e) => e.action)).toEqual(['monitor.setCapacity']);
  });

  it('sets an agent’s presence through routing', async () => {
    await t.apply('leadX', 'monitor.setPresence', { agentId: F.users.p1, presence: 'busy' });
    expect(t.internals.domain.routing.router.agent(F.users.p1)?.presence).toBe('busy');
  });

  it('moves waiting chats between the lead’s own queues only', async () => {
    const customer = await t.newCustomer();
    const waiting = (await t.customerSays(customer, F.queueX, '排队中')).conversationId;
    await t.apply('leadX', 'monitor.moveQueued', { conversationIds: [waiting], toQueueId: F.queueBot });
    expect(row(waiting)).toMatchObject({ queueId: F.queueBot, status: 'queued' });
    expect(await t.act('leadX', 'monitor.moveQueued', { conversationIds: [waiting], toQueueId: F.queueY })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('leadX', 'monitor.moveQueued', { conversationIds: [conversationId], toQueueId: F.queueX })).toMatchObject({ status: 'rejected', code: 'conflict' });
  });

  it('lets a lead of team Y do nothing to team X (not_found), an agent nothing at all (forbidden)', async () => {
    const attempts: [string, unknown][] = [
      ['monitor.whisper', { conversationId, text: 'hi' }],
      ['monitor.takeover', { conversationId }],
      ['monitor.reassign', { conversationId, agentId: F.users.p2 }],
      ['monitor.setCapacity', { agentId: F.users.p1, maxConcurrent: 9 }],
      ['monitor.setPresence', { agentId: F.users.p1, presence: 'offline' }],
    ];
    for (const [name, args] of attempts) {
      expect(await t.act('leadY', name, args)).toMatchObject({ status: 'rejected', code: 'not_found' });
      expect(await t.act('p2', name, args)).toMatchObject({ status: 'rejected', code: 'forbidden' });
    }
    expect(row(conversationId).assigneeId).toBe(F.users.p1);
    expect(t.internals.domain.org.user(F.users.p1)?.maxConcurrent).toBe(1);
  });

  it('names a bad argument', async () => {
    const bad = await t.act('leadX', 'monitor.setCapacity', { agentId: F.users.p1, maxConcurrent: -3 });
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid_args', message: expect.stringContaining('maxConcurrent') });
  });
});

describe('QC review list', () => {
  it('lists the open flags of the lead’s teams with the flagged message between its neighbours, masked', async () => {
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueX, `我的电话${F.phone}`);
    await t.customerSays(customer, F.queueX, '你们这是诈骗吧', { conversationId });
    await t.customerSays(customer, F.queueX, '快点处理', { conversationId });
    const response = await t.get('/api/monitor/qc?status=open', bearer(t.tokens.leadX));
    expect(response.status).toBe(200);
    const item = QcListResponseSchema.parse(await response.json()).items.find((i) => i.flag.conversationId === conversationId)!;
    expect(item.flag).toMatchObject({ ruleId: 'customer.fraud', status: 'open' });
    expect(item.context.map((m) => [m.body, m.flagged])).toEqual([
      ['我的电话138****5678', false],
      ['你们这是诈骗吧', true],
      ['快点处理', false],
    ]);
    const other = QcListResponseSchema.parse(await (await t.get('/api/monitor/qc?status=open', bearer(t.tokens.leadY))).json());
    expect(other.items.some((i) => i.flag.conversationId === conversationId)).toBe(false);
    const bad = await t.get('/api/monitor/qc?status=maybe', bearer(t.tokens.leadX));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/status/);
  });
});

describe('reports', () => {
  it('groups the lead’s conversations by agent, as JSON and as CSV with a BOM', async () => {
    const to = t.timers.now() + 1;
    const from = to - 24 * 3600 * S;
    const response = await t.get(`/api/reports?groupBy=agent&from=${from}&to=${to}`, bearer(t.tokens.leadX));
    expect(response.status).toBe(200);
    const report = ReportResponseSchema.parse(await response.json());
    const p1 = report.rows.find((r) => r.key === F.users.p1)!;
    expect(p1).toMatchObject({ name: 'User p1', avgReplyIntervalMs: 20 * S, appealRate: 0, escalationRate: null, qcPassRate: 1 });
    expect(report.rows.every((r) => r.key !== F.users.p2 && r.key !== F.users.mA)).toBe(true);
    const byTeam = ReportResponseSchema.parse(await (await t.get(`/api/reports?groupBy=team&from=${from}&to=${to}`, bearer(t.tokens.leadX))).json());
    expect(byTeam.rows.map((r) => [r.key, r.name])).toEqual([[F.teamX, 'Team X']]);

    const csv = await t.get(`/api/reports?groupBy=shop&from=${from}&to=${to}&format=csv`, bearer(t.tokens.admin));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe('key,name,conversations,pickup30Rate,avgReplyIntervalMs,avgFirstResponseMs,avgResolutionMs,qcPassRate,escalationRate,csatAvg,csatCount,appealRate');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3))).toEqual([[F.shopA, 'Shop A', '1']]);
  });

  it('names a bad query field', async () => {
    const bad = await t.get('/api/reports?groupBy=planet&from=5&to=1', bearer(t.tokens.leadX));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/groupBy/);
  });
});

describe('a merchant lead', () => {
  it('sees their shop’s queues, agents, flags and report rows only, and no platform-side notes in QC context', async () => {
    const { domain, accountsStore } = t.internals;
    accountsStore.insertUsers([
      { id: 'u-leada', username: 'leada', displayName: 'Lead A', role: 'lead', teamKind: 'merchant', passwordHash: await hashPassword(FIXTURE_PASSWORD), createdAt: t.timers.now() },
    ]);
    domain.writer.write((tx) => {
      domain.org.setSeatProfile(tx, 'u-leada', { shopId: F.shopA, skills: [], maxConcurrent: 5 });
      domain.org.addTeamMember(tx, F.teamA, 'u-leada');
    });
    const auth = bearer((await t.login('leada', FIXTURE_PASSWORD)).token);

    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueB, '你们这是诈骗吧');
    // A flagged chat of shop A with a platform-side note next to the flagged message.
    const shopper = await t.newCustomer();
    const inA = (await t.customerSays(shopper, F.queueA, '你们这是诈骗吧')).conversationId;
    await t.apply('admin', 'messages.note', { conversationId: inA, text: '平台内部备注' });
    const s = MonitorSnapshotSchema.parse(await (await t.get('/api/monitor/snapshot', auth)).json());
    expect(s.queues.map((q) => q.queueId).sort()).toEqual([F.queueA, F.queueA2]);
    expect(s.agents.map((a) => a.agentId).sort()).toEqual([F.users.mA, F.users.mA2].sort());

    const flags = QcListResponseSchema.parse(await (await t.get('/api/monitor/qc?status=open', auth)).json());
    expect(flags.items.some((i) => i.flag.conversationId === conversationId)).toBe(false);
    const context = (items: typeof flags.items) => items.find((i) => i.flag.conversationId === inA)?.context.map((m) => m.body);
    expect(context(flags.items)).toEqual(['你们这是诈骗吧']);
    const asAdmin = QcListResponseSchema.parse(await (await t.get('/api/monitor/qc?status=open', bearer(t.tokens.admin))).json());
    expect(context(asAdmin.items)).toEqual(['你们这是诈骗吧', '平台内部备注']);

    const to = t.timers.now() + 1;
    const report = ReportResponseSchema.parse(await (await t.get(`/api/reports?groupBy=shop&from=${to - 24 * 3600 * S}&to=${to}`, auth)).json());
    expect(report.rows.map((r) => r.key)).toEqual([F.shopA]);
    expect(await t.act('mA', 'monitor.takeover', { conversationId })).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });
});

describe('a look recomputes only the agents a change touched', () => {
  it('agrees with a full computation after a chat moves from one agent to another, and reads no other agent', async () => {
    const admin = await openCollector(t.url, t.tokens.admin);
    const agents = new Map<string, unknown>();
    const queues = new Map<string, unknown>();
    const folded = () => {
      for (const f of admin.frames.splice(0)) {
        if (f.t !== 'event' || f.name !== 'monitor.changed') continue;
        const delta = MonitorDeltaSchema.parse(f.payload);
        for (const a of delta.agents) agents.set(a.agentId, a);
        for (const q of delta.queues) queues.set(q.queueId, q);
        for (const id of delta.removedAgentIds) agents.delete(id);
        for (const id of delta.removedQueueIds) queues.delete(id);
      }
    };
    await look(); // the first look: every row
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueA, '发货了吗');
    t.timers.advance(5 * S);
    await t.apply('mA', 'conversations.accept', { conversationId });
    t.timers.advance(10 * S);
    await t.apply('mA', 'messages.send', { conversationId, text: '稍等' });
    await look();
    await t.apply('mA', 'conversations.transfer', { conversationId, to: { agentId: F.users.mA2 } });
    t.timers.advance(S);
    await t.customerSays(customer, F.queueA, '好的', { conversationId });
    t.timers.advance(20 * S);
    await t.apply('mA2', 'messages.send', { conversationId, text: '已发货' });
    const reads = vi.spyOn(t.internals.domain.monitor.metrics, 'agentMessagesSince');
    await look();
    // the chat's former and present agent, not the centre's other agents
    expect(reads.mock.calls.map((call) => [...(call[2] ?? [])].sort())).toEqual([[F.users.mA, F.users.mA2].sort()]);
    reads.mockRestore();
    folded();
    const full = await snapshot('admin');
    expect(agentOf(full, F.users.mA2)).toMatchObject({ active: 1, avgReplyIntervalMs: 20 * S });
    expect(Object.fromEntries(agents)).toEqual(Object.fromEntries(full.agents.map((a) => [a.agentId, a])));
    expect(Object.fromEntries(queues)).toEqual(Object.fromEntries(full.queues.map((q) => [q.queueId, q])));

    // the former agent alone (their presence changed): their reply in the chat they no longer hold still counts
    const socket = await t.online('mA');
    const alone = vi.spyOn(t.internals.domain.monitor.metrics, 'agentMessagesSince');
    await look();
    expect(alone.mock.calls.map((call) => call[2])).toEqual([[F.users.mA]]);
    alone.mockRestore();
    folded();
    expect(agents.get(F.users.mA)).toMatchObject({ presence: 'online', avgReplyIntervalMs: expect.any(Number) });
    expect(agents.get(F.users.mA)).toEqual(agentOf(await snapshot('admin'), F.users.mA));
    await socket.close();
    await admin.close();
  });
});
