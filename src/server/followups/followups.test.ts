import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeScheduler } from '../routing/testing/fakeScheduler';
import { F, FIXTURE_PASSWORD } from '../testing/fixtures';
import { idsOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { startTestServer } from '../testing/testServer';
import { openCollector, type Frame } from '../testing/wsClient';
import { barrier, createTicket, latest } from '../tickets/testTickets';

/* Follow-ups over the real HTTP and WebSocket API: who may set and see them, completing, and the due event on a fake clock. */

const U = F.users;
const MIN = 60_000;

let dataDir: string;
let clock: FakeScheduler;
let t: FixtureServer;
let conversationX: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-followups-'));
  clock = new FakeScheduler();
  t = await startFixtureServer({ dataDir, scheduler: clock, now: clock.now });
  conversationX = (await t.customerSays('c1', F.queueX, '退款什么时候到账')).conversationId;
  await t.apply('p1', 'conversations.accept', { conversationId: conversationX });
});
afterAll(async () => {
  await t.stop(); // a second stop after the restart test does nothing
  await rm(dataDir, { recursive: true, force: true });
});

async function createFollowup(user: 'p1' | 'leadX', args: Record<string, unknown>): Promise<string> {
  const rows = await t.apply(user, 'followups.create', { note: '回访', ...args });
  const row = rows.find((r) => r.entity === 'followups');
  if (!row) throw new Error('no follow-up row');
  return row.id;
}

const isDue = (frame: Frame) => frame.t === 'event' && frame.name === 'followups.due';
/** The due events of these follow-ups (earlier tests leave others open that fall due on the way). */
const dueOf = (frames: readonly Frame[], ...ids: string[]) => frames.filter((f) => isDue(f) && ids.includes((f.payload as { id: string }).id));

describe('setting follow-ups', () => {
  it('on a conversation the caller sees, for themselves; the agent and their leads see it', async () => {
    const id = await createFollowup('p1', { conversationId: conversationX, dueAt: clock.now() + 30 * MIN });
    const row = latest((await t.everything('p1')).rows, 'followups', id);
    expect(row?.data).toEqual({
      id,
      conversationId: conversationX,
      ticketId: null,
      agentId: U.p1,
      creatorId: U.p1,
      dueAt: clock.now() + 30 * MIN,
      note: '回访',
      doneAt: null,
      createdAt: clock.now(),
    });
    for (const user of ['leadX', 'admin'] as const) expect(idsOf((await t.everything(user)).rows, 'followups')).toContain(id);
    for (const user of ['p2', 'leadY', 'mA'] as const) expect(idsOf((await t.everything(user)).rows, 'followups')).not.toContain(id);
  });

  it('on a ticket the caller sees', async () => {
    const ticketId = await createTicket(t, 'p1', { title: '跟进退款' });
    const id = await createFollowup('p1', { ticketId, dueAt: clock.now() + MIN });
    expect(latest((await t.everything('p1')).rows, 'followups', id)?.data).toMatchObject({ ticketId, conversationId: null });
    expect(await t.act('mA', 'followups.create', { ticketId, dueAt: clock.now() + MIN })).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it('refuses cases the caller does not see and other people’s follow-ups for agents', async () => {
    const dueAt = clock.now() + MIN;
    expect(await t.act('mA', 'followups.create', { conversationId: conversationX, dueAt })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('p2', 'followups.create', { conversationId: conversationX, dueAt })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('p1', 'followups.create', { conversationId: conversationX, dueAt, agentId: U.leadX })).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: 'agents set follow-ups for themselves only',
    });
  });

  it('lets a lead set one for an agent of their team who sees the case, and nobody else', async () => {
    const dueAt = clock.now() + MIN;
    const id = await createFollowup('leadX', { conversationId: conversationX, dueAt, agentId: U.p1 });
    expect(latest((await t.everything('p1')).rows, 'followups', id)?.data).toMatchObject({ agentId: U.p1, creatorId: U.leadX });
    expect(await t.act('leadX', 'followups.create', { conversationId: conversationX, dueAt, agentId: U.p2 })).toMatchObject({ status: 'rejected', code: 'not_found' });
    // Queued, nobody has it yet: the lead sees it through the queue, p1 does not.
    const queued = (await t.customerSays('c4', F.queueX, '还在吗')).conversationId;
    expect(await t.act('leadX', 'followups.create', { conversationId: queued, dueAt, agentId: U.p1 })).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: 'the agent cannot see that case',
    });
  });

  it('rejects bad args naming the field', async () => {
    const both = await t.act('p1', 'followups.create', { conversationId: conversationX, ticketId: 'tk', dueAt: clock.now() });
    expect(both).toMatchObject({ status: 'rejected', code: 'invalid_args', message: expect.stringContaining('conversationId') });
    const noDue = await t.act('p1', 'followups.create', { conversationId: conversationX, dueAt: 'tomorrow' });
    expect(noDue).toMatchObject({ status: 'rejected', code: 'invalid_args', message: expect.stringContaining('dueAt') });
  });
});

describe('completing follow-ups', () => {
  it('by the agent once, by their lead, never by someone who does not see it', async () => {
    const mine = await createFollowup('p1', { conversationId: conversationX, dueAt: clock.now() + MIN });
    expect(await t.act('p2', 'followups.complete', { followupId: mine })).toMatchObject({ status: 'rejected', code: 'not_found' });
    clock.advance(1_000);
    const rows = await t.apply('p1', 'followups.complete', { followupId: mine });
    expect(rows[0]?.data).toMatchObject({ id: mine, doneAt: clock.now() });
    expect(await t.act('p1', 'followups.complete', { followupId: mine })).toMatchObject({ status: 'rejected', code: 'conflict' });
    const other = await createFollowup('p1', { conversationId: conversationX, dueAt: clock.now() + MIN });
    await t.apply('leadX', 'followups.complete', { followupId: other });
  });
});

describe('a lead joining a team', () => {
  it('receives the follow-ups of its agents with the next pull', async () => {
    const id = await createFollowup('p1', { conversationId: conversationX, dueAt: clock.now() + MIN });
    const before = await t.everything('leadY');
    expect(idsOf(before.rows, 'followups')).not.toContain(id);
    expect(t.internals.domain.orgService.addTeamMember(F.teamX, U.leadY)).toBe(true);
    expect(idsOf((await t.pullAll(t.tokens.leadY, before.cursor)).rows, 'followups')).toContain(id);
  });
});

describe('the due event', () => {
  it('reaches the agent’s sockets when the follow-up falls due, not before, and not for one already done', async () => {
    const p1 = await openCollector(t.url, t.tokens.p1);
    const p2 = await openCollector(t.url, t.tokens.p2);
    try {
      const start = clock.now();
      const done = await createFollowup('p1', { conversationId: conversationX, dueAt: start + 5 * MIN });
      await t.apply('p1', 'followups.complete', { followupId: done });
      const id = await createFollowup('p1', { conversationId: conversationX, dueAt: start + 10 * MIN, note: '回电客户' });

      clock.advanceTo(start + 10 * MIN - 1);
      await barrier(p1);
      expect(dueOf(p1.frames, done, id)).toEqual([]);

      clock.advanceTo(start + 10 * MIN);
      const frame = await p1.next((f) => dueOf([f], id).length === 1);
      expect(frame.payload).toMatchObject({ id, agentId: U.p1, conversationId: conversationX, dueAt: start + 10 * MIN, note: '回电客户', doneAt: null });
      await barrier(p1);
      await barrier(p2);
      expect(dueOf(p1.frames, done, id)).toHaveLength(1);
      expect(p2.frames.filter(isDue)).toEqual([]);
    } finally {
      await p1.close();
      await p2.close();
    }
  });

  it('still fires at its time after a server restart', async () => {
    const start = clock.now();
    const id = await createFollowup('p1', { conversationId: conversationX, dueAt: start + 30 * MIN });
    await t.stop();

    // Ten minutes later a new server process starts on the same data folder, with a fresh timer list.
    const later = new FakeScheduler(start + 10 * MIN);
    const again = await startTestServer({ dataDir, demo: false, scheduler: later, now: later.now });
    try {
      const login = await again.login('p1', FIXTURE_PASSWORD);
      const socket = await openCollector(again.url, login.token);
      later.advanceTo(start + 30 * MIN - 1);
      await barrier(socket);
      expect(dueOf(socket.frames, id)).toEqual([]);
      later.advanceTo(start + 30 * MIN);
      expect((await socket.next((f) => dueOf([f], id).length === 1)).payload).toMatchObject({ id, dueAt: start + 30 * MIN });
      await socket.close();
    } finally {
      await again.stop();
    }
  });
});
