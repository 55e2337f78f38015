import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../shared/api/sync';
import { F, type FixtureUser } from '../testing/fixtures';
import { idsOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { openCollector, type WsCollector } from '../testing/wsClient';
import { barrier, createTicket } from './testTickets';

/*
 * The tickets rows of the scope table (docs/sync-protocol.md) over the real HTTP and WebSocket
 * API: platform agent, merchant agents of shops A and B, leads of teams X and Y, admin × what pull
 * and push bring, and what each ticket write answers. Invisible is not_found for every write.
 */

const U = F.users;
const USERS: FixtureUser[] = ['p1', 'p2', 'mA', 'mA2', 'mB', 'leadX', 'leadY', 'admin'];

let t: FixtureServer;
const sockets = new Map<FixtureUser, WsCollector>();
const tk = { x: '', a: '', b: '', y: '', p1InY: '', aAtX: '' };

/** Who sees which ticket (and its timeline). */
let SEES: Record<FixtureUser, string[]>;
/** Who may change it (update, assign, transfer), among those who see it; the others who see it may only comment. */
let WORKS: Record<FixtureUser, string[]>;

beforeAll(async () => {
  t = await startFixtureServer();
  for (const user of USERS) sockets.set(user, await openCollector(t.url, t.tokens[user]));

  const convX = (await t.customerSays('c1', F.queueX, '账号被封')).conversationId;
  await t.apply('p1', 'conversations.accept', { conversationId: convX });
  const convA = (await t.customerSays('c2', F.queueA, '退货地址')).conversationId;
  await t.apply('mA', 'conversations.accept', { conversationId: convA });

  tk.x = await createTicket(t, 'p1', { conversationId: convX });
  tk.a = await createTicket(t, 'mA', { conversationId: convA });
  tk.b = await createTicket(t, 'mB', { title: 'shop B matter' });
  tk.y = await createTicket(t, 'leadY', { title: 'team Y matter' });
  // Created by p1 for team Y: p1 follows it but does not work on it.
  tk.p1InY = await createTicket(t, 'p1', { title: 'for team Y', departmentTeamId: F.teamY });
  // Shop A hands a ticket to platform team X: X works on it, shop A's creator follows it, nobody else in shop A.
  tk.aAtX = await createTicket(t, 'mA', { title: 'for the platform', departmentTeamId: F.teamX });

  SEES = {
    p1: [tk.x, tk.p1InY, tk.aAtX],
    p2: [tk.y, tk.p1InY],
    mA: [tk.a, tk.aAtX],
    mA2: [tk.a],
    mB: [tk.b],
    leadX: [tk.x, tk.aAtX],
    leadY: [tk.y, tk.p1InY],
    admin: Object.values(tk),
  };
  WORKS = { ...SEES, p1: [tk.x, tk.aAtX], mA: [tk.a] };
}, 30_000);

afterAll(async () => {
  for (const socket of sockets.values()) await socket.close();
  await t.stop();
});

function ticketIdsOfEvents(rows: readonly SyncRow[]): string[] {
  return [...new Set(rows.filter((r) => r.entity === 'ticket_events').map((r) => r.data.ticketId as string))].sort();
}

describe('reading tickets', () => {
  it.each(USERS)('%s pulls exactly the tickets of their scope, with their timelines', async (user) => {
    const rows = (await t.everything(user)).rows;
    expect(idsOf(rows, 'tickets')).toEqual([...SEES[user]].sort());
    expect(ticketIdsOfEvents(rows)).toEqual([...SEES[user]].sort());
  });

  it.each(USERS)('%s was pushed exactly the same tickets over the WebSocket', async (user) => {
    const socket = sockets.get(user);
    if (!socket) throw new Error('no socket');
    await barrier(socket);
    const pushed = socket.frames.filter((f) => f.t === 'rows').flatMap((f) => f.rows as SyncRow[]);
    expect(idsOf(pushed, 'tickets')).toEqual([...SEES[user]].sort());
    expect(ticketIdsOfEvents(pushed)).toEqual([...SEES[user]].sort());
  });
});

describe('writing tickets', () => {
  const probes = (ticketId: string) =>
    [
      ['tickets.comment', { ticketId, text: 'probe' }],
      ['tickets.update', { ticketId, priority: 'high' }],
      ['tickets.assign', { ticketId, agentId: null }],
      ['tickets.transfer', { ticketId, departmentTeamId: F.teamY, note: 'probe' }],
      ['followups.create', { ticketId, dueAt: t.clock.time + 60_000 }],
    ] as const;

  it.each(USERS)('%s gets not_found for every write on a ticket outside their scope', async (user) => {
    const hidden = Object.values(tk).filter((id) => !SEES[user].includes(id));
    for (const ticketId of hidden) {
      for (const [name, args] of probes(ticketId)) {
        expect(await t.act(user, name, args), `${user} ${name} ${ticketId}`).toMatchObject({ status: 'rejected', code: 'not_found' });
      }
    }
  });

  it.each(USERS)('%s comments on every ticket they see and changes only those their department holds', async (user) => {
    for (const ticketId of SEES[user]) {
      expect(await t.act(user, 'tickets.comment', { ticketId, text: `from ${user}` }), `${user} comment ${ticketId}`).toMatchObject({ status: 'applied' });
      expect(await t.act(user, 'followups.create', { ticketId, dueAt: t.clock.time + 60_000 }), `${user} follow-up ${ticketId}`).toMatchObject({ status: 'applied' });
      const update = await t.act(user, 'tickets.update', { ticketId, priority: 'high' });
      expect(update, `${user} update ${ticketId}`).toMatchObject(WORKS[user].includes(ticketId) ? { status: 'applied' } : { status: 'rejected', code: 'forbidden' });
    }
  });

  it('keeps a merchant inside their shop: no other shop’s conversation, department or agent', async () => {
    const convB = (await t.customerSays('c3', F.queueB, 'shop B chat')).conversationId;
    expect(await t.act('mA', 'tickets.create', { conversationId: convB, category: 'x' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('mA', 'tickets.create', { title: 'x', category: 'x', departmentTeamId: F.teamB })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('mA', 'tickets.assign', { ticketId: tk.a, agentId: U.mB })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('mA', 'tickets.transfer', { ticketId: tk.a, departmentTeamId: F.teamB, note: 'n' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    await t.apply('mA', 'tickets.assign', { ticketId: tk.a, agentId: U.mA2 });
  });

  it('keeps a platform ticket away from shops', async () => {
    expect(await t.act('p1', 'tickets.transfer', { ticketId: tk.x, departmentTeamId: F.teamA, note: 'n' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('p1', 'tickets.assign', { ticketId: tk.x, agentId: U.mA })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('admin', 'tickets.assign', { ticketId: tk.x, agentId: U.mA })).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });
});
