import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { F } from '../testing/fixtures';
import { idsOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { createTicket, latest, seedOrderConversation, timeline } from './testTickets';

/* Tickets over the real HTTP API: creation from a chat, the status machine, the timeline, assignment and transfer. */

const U = F.users;
const MIN = 60_000;

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
});
afterAll(async () => {
  await t.stop();
});

async function ticketOf(user: 'p1' | 'admin', id: string): Promise<Record<string, unknown>> {
  const row = latest((await t.everything(user)).rows, 'tickets', id);
  if (!row) throw new Error(`${user} does not see ticket ${id}`);
  return row.data;
}

describe('creating a ticket', () => {
  it('from a conversation takes its customer, shop, order and the customer’s first words as title, with a created entry', async () => {
    await seedOrderConversation(t, {
      id: 'conv-order',
      queueId: F.queueX,
      shopId: F.shopA,
      orderId: F.orders.o1,
      agentId: U.p1,
      text: '  我的订单   一直没有发货 ',
    });
    const rows = await t.apply('p1', 'tickets.create', { conversationId: 'conv-order', category: 'logistics', priority: 'high' });
    const ticket = rows.find((r) => r.entity === 'tickets');
    expect(ticket?.data).toMatchObject({
      conversationId: 'conv-order',
      customerId: F.customers.c1,
      shopId: F.shopA,
      orderId: F.orders.o1,
      title: '我的订单 一直没有发货',
      departmentTeamId: F.teamX,
      status: 'pending',
      priority: 'high',
      creatorId: U.p1,
      assigneeId: null,
    });
    expect(rows.filter((r) => r.entity === 'ticket_events').map((r) => r.data)).toEqual([
      expect.objectContaining({ kind: 'created', actorId: U.p1, change: { type: 'created', conversationId: 'conv-order', departmentTeamId: F.teamX } }),
    ]);
  });

  it('keeps an agent-given title and refuses a conversation the caller does not see', async () => {
    const conversationId = (await t.customerSays('c2', F.queueY, 'password reset')).conversationId;
    expect(await t.act('p1', 'tickets.create', { conversationId, category: 'account' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    await t.apply('p2', 'conversations.accept', { conversationId });
    const id = await createTicket(t, 'p2', { conversationId, title: '重置密码失败' });
    expect((await t.everything('p2')).rows.find((r) => r.id === id)?.data).toMatchObject({ title: '重置密码失败', customerId: F.customers.c2, shopId: null, orderId: null });
  });

  it('standalone needs a title, and a merchant’s is their shop’s', async () => {
    expect(await t.act('p1', 'tickets.create', { category: 'refund' })).toMatchObject({
      status: 'rejected',
      code: 'invalid_args',
      message: expect.stringContaining('title'),
    });
    const id = await createTicket(t, 'mA', { title: '退款核对', dueAt: t.clock.time + 60 * MIN });
    expect((await t.everything('mA')).rows.find((r) => r.id === id)?.data).toMatchObject({
      shopId: F.shopA,
      departmentTeamId: F.teamA,
      customerId: null,
      dueAt: t.clock.time + 60 * MIN,
    });
  });

  it('assigns at creation only inside the department', async () => {
    expect(await t.act('p1', 'tickets.create', { title: 'x', category: 'c', assigneeId: U.p2 })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const id = await createTicket(t, 'p1', { title: 'x', assigneeId: U.leadX });
    expect(await ticketOf('p1', id)).toMatchObject({ assigneeId: U.leadX });
  });

  it('rejects bad args naming the field', async () => {
    expect(await t.act('p1', 'tickets.create', { title: 'x', category: 'c', priority: 'asap' })).toMatchObject({
      status: 'rejected',
      code: 'invalid_args',
      message: expect.stringContaining('priority'),
    });
    expect(await t.act('p1', 'tickets.update', { ticketId: 'whatever' })).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    // An admin belongs to no team, so names the department.
    expect(await t.act('admin', 'tickets.create', { title: 'x', category: 'c' })).toMatchObject({
      status: 'rejected',
      code: 'invalid_args',
      message: expect.stringContaining('departmentTeamId'),
    });
    await createTicket(t, 'admin', { title: 'x', departmentTeamId: F.teamY });
  });
});

describe('the status machine', () => {
  it('goes pending → processing → resolved → (reopen) processing → resolved → closed, stamping the times', async () => {
    const id = await createTicket(t, 'p1', { title: 'status machine' });
    t.clock.advance(MIN);
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'processing' });
    t.clock.advance(MIN);
    const resolvedAt = t.clock.time;
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'resolved' });
    expect(await ticketOf('p1', id)).toMatchObject({ status: 'resolved', resolvedAt, updatedAt: resolvedAt });
    t.clock.advance(MIN);
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'processing' });
    expect(await ticketOf('p1', id)).toMatchObject({ status: 'processing', resolvedAt: null });
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'resolved' });
    t.clock.advance(MIN);
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'closed' });
    expect(await ticketOf('p1', id)).toMatchObject({ status: 'closed', closedAt: t.clock.time });
  });

  it('refuses illegal transitions as conflicts and treats a closed ticket as final', async () => {
    const id = await createTicket(t, 'p1', { title: 'illegal moves' });
    for (const status of ['resolved', 'closed'] as const) {
      expect(await t.act('p1', 'tickets.update', { ticketId: id, status })).toMatchObject({
        status: 'rejected',
        code: 'conflict',
        message: `a pending ticket cannot become ${status}`,
      });
    }
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'processing' });
    expect(await t.act('p1', 'tickets.update', { ticketId: id, status: 'pending' })).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(await t.act('p1', 'tickets.update', { ticketId: id, status: 'closed' })).toMatchObject({ status: 'rejected', code: 'conflict' });
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'resolved' });
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'closed' });
    for (const [name, args] of [
      ['tickets.update', { status: 'processing' }],
      ['tickets.update', { priority: 'urgent' }],
      ['tickets.comment', { text: 'late' }],
      ['tickets.assign', { agentId: U.p1 }],
      ['tickets.transfer', { departmentTeamId: F.teamY, note: 'late' }],
    ] as const) {
      expect(await t.act('p1', name, { ticketId: id, ...args })).toMatchObject({ status: 'rejected', code: 'conflict' });
    }
    expect(await ticketOf('p1', id)).toMatchObject({ status: 'closed', priority: 'normal' });
  });
});

describe('the timeline', () => {
  it('records every change as an entry, in the order made', async () => {
    const id = await createTicket(t, 'p1', { title: 'timeline' });
    const due = t.clock.time + 120 * MIN;
    t.clock.advance(1_000);
    await t.apply('p1', 'tickets.update', { ticketId: id, status: 'processing', priority: 'urgent', dueAt: due });
    t.clock.advance(1_000);
    await t.apply('leadX', 'tickets.comment', { ticketId: id, text: '请先联系物流', eventId: 'evt-comment-1' });
    t.clock.advance(1_000);
    await t.apply('leadX', 'tickets.assign', { ticketId: id, agentId: U.p1 });
    // Setting what already holds adds nothing.
    await t.apply('p1', 'tickets.update', { ticketId: id, priority: 'urgent' });
    t.clock.advance(1_000);
    await t.apply('p1', 'tickets.update', { ticketId: id, dueAt: null });

    const events = timeline((await t.everything('p1')).rows, id).map((r) => r.data);
    expect(events.map((e) => [e.kind, e.actorId, e.change])).toEqual([
      ['created', U.p1, { type: 'created', conversationId: null, departmentTeamId: F.teamX }],
      ['status', U.p1, { type: 'status', from: 'pending', to: 'processing' }],
      ['update', U.p1, { type: 'priority', from: 'normal', to: 'urgent' }],
      ['update', U.p1, { type: 'dueAt', from: null, to: due }],
      ['comment', U.leadX, { type: 'comment' }],
      ['assign', U.leadX, { type: 'assign', fromAgentId: null, toAgentId: U.p1 }],
      ['update', U.p1, { type: 'dueAt', from: due, to: null }],
    ]);
    expect(events[4]).toMatchObject({ id: 'evt-comment-1', body: '请先联系物流' });
    expect(await t.act('p1', 'tickets.comment', { ticketId: id, text: 'again', eventId: 'evt-comment-1' })).toMatchObject({ status: 'rejected', code: 'conflict' });
  });
});

describe('assigning', () => {
  it('only to an agent of the department, by its people', async () => {
    const id = await createTicket(t, 'p1', { title: 'assign rules' });
    expect(await t.act('p1', 'tickets.assign', { ticketId: id, agentId: U.p2 })).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
      message: 'the agent is not in the ticket’s department',
    });
    expect(await t.act('p1', 'tickets.assign', { ticketId: id, agentId: 'u-nobody' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    await t.apply('p1', 'tickets.assign', { ticketId: id, agentId: U.leadX });
    await t.apply('leadX', 'tickets.assign', { ticketId: id, agentId: null });
    expect(await ticketOf('p1', id)).toMatchObject({ assigneeId: null });
  });
});

describe('transferring to another department', () => {
  it('gives the new department the ticket with its whole timeline; the old one keeps its copy and hears no more', async () => {
    const id = await createTicket(t, 'leadX', { title: 'needs team Y' });
    await t.apply('p1', 'tickets.assign', { ticketId: id, agentId: U.p1 });
    await t.apply('p1', 'tickets.comment', { ticketId: id, text: 'X looked at it' });
    const p1Before = await t.everything('p1');
    expect(idsOf(p1Before.rows, 'tickets')).toContain(id);
    const p2Before = await t.everything('p2');
    expect(idsOf(p2Before.rows, 'tickets')).not.toContain(id);
    expect(timeline(p2Before.rows, id)).toEqual([]);

    t.clock.advance(MIN);
    await t.apply('p1', 'tickets.transfer', { ticketId: id, departmentTeamId: F.teamY, note: '转交账号组处理' });

    // Team Y's next pull, from where it was, brings the ticket and the timeline from its creation.
    const p2After = await t.pullAll(t.tokens.p2, p2Before.cursor);
    expect(latest(p2After.rows, 'tickets', id)?.data).toMatchObject({ departmentTeamId: F.teamY, assigneeId: null });
    expect(timeline(p2After.rows, id).map((r) => r.data.kind)).toEqual(['created', 'assign', 'comment', 'transfer']);
    expect(timeline(p2After.rows, id).at(-1)?.data).toMatchObject({ body: '转交账号组处理', change: { type: 'transfer', fromTeamId: F.teamX, toTeamId: F.teamY } });
    await t.apply('p2', 'tickets.update', { ticketId: id, status: 'processing' });

    // Team X (p1 no longer assigned, not the creator) is told nothing: no tombstone, no later change.
    const p1After = await t.pullAll(t.tokens.p1, p1Before.cursor);
    expect(p1After.rows.filter((r) => r.id === id || r.data.ticketId === id)).toEqual([]);
    expect(await t.act('p1', 'tickets.comment', { ticketId: id, text: 'still there?' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    // The creator still follows it.
    expect(latest((await t.everything('leadX')).rows, 'tickets', id)?.data).toMatchObject({ status: 'processing' });
  });

  it('never to another shop, and not to where it already is', async () => {
    const id = await createTicket(t, 'mA', { title: 'shop A matter' });
    expect(await t.act('mA', 'tickets.transfer', { ticketId: id, departmentTeamId: F.teamB, note: 'n' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('mA', 'tickets.transfer', { ticketId: id, departmentTeamId: F.teamA, note: 'n' })).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(await t.act('mA', 'tickets.transfer', { ticketId: id, departmentTeamId: 'team-none', note: 'n' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    // A shop may hand a ticket to the platform.
    await t.apply('mA', 'tickets.transfer', { ticketId: id, departmentTeamId: F.teamX, note: '请平台介入' });
    expect(latest((await t.everything('p1')).rows, 'tickets', id)?.data).toMatchObject({ shopId: F.shopA, departmentTeamId: F.teamX });
  });
});

describe('joining a department', () => {
  it('brings the new member the tickets it holds, with their whole timelines', async () => {
    const id = await createTicket(t, 'p1', { title: 'held by X before p2 joins' });
    await t.apply('p1', 'tickets.comment', { ticketId: id, text: 'older comment' });
    const before = await t.everything('p2');
    expect(idsOf(before.rows, 'tickets')).not.toContain(id);

    expect(t.internals.domain.orgService.addTeamMember(F.teamX, U.p2)).toBe(true);
    const after = await t.pullAll(t.tokens.p2, before.cursor);
    expect(latest(after.rows, 'tickets', id)).toBeDefined();
    expect(timeline(after.rows, id).map((r) => r.data.kind)).toEqual(['created', 'comment']);
    // The ticket comes before its timeline, so a client applying in seq order never holds an orphan event.
    const ticketSeq = after.rows.find((r) => r.id === id)?.seq ?? Infinity;
    expect(timeline(after.rows, id).every((r) => r.seq > ticketSeq)).toBe(true);
  });
});
