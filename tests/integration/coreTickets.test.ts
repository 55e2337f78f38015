import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Ticket } from '../../src/shared/domain/tickets';
import type { Rpc } from '../../src/shared/rpc/client';
import { eventually, F, FIXTURE_PASSWORD, record, useStage } from './syncHarness';

// Tickets, follow-ups and customer tags from the workstation, against a real server that goes away.
const stage = useStage('seatdesk-tickets-');

async function online(rpc: Rpc) {
  await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
}

/** The team's lead, signed in and online, seeing customer c1's new conversation in queue X. */
async function leadWithConversation() {
  const conversationId = await stage.server.customerSays('c1', F.queueX, '我的订单什么时候到？');
  const lead = stage.core();
  await lead.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
  await online(lead.rpc);
  await eventually(async () => (await lead.rpc.messages.list({ conversationId })).messages.length > 0, 15_000, 'the conversation');
  return { rpc: lead.rpc, conversationId };
}

describe('tickets and follow-ups from the workstation', () => {
  it('delivers a ticket created offline once after reconnect, prefilled from the conversation, and lists it', async () => {
    const { rpc, conversationId } = await leadWithConversation();
    // The department list the form offers comes from the cache, so it is there offline too.
    expect((await rpc.teams.list()).map((t) => t.id)).toContain(F.teamX);
    await stage.server.stop();
    await eventually(async () => (await rpc.sync.status()).state === 'offline', 15_000, 'offline');
    const { ticketId } = await rpc.tickets.create({ conversationId, category: '物流', priority: 'high', title: '催发货', departmentTeamId: F.teamX });
    expect(await rpc.outbox.list()).toHaveLength(1);

    await stage.server.start();
    await online(rpc);
    await eventually(async () => (await rpc.outbox.list()).length === 0, 30_000, 'outbox drained');
    const listed = await eventually(async () => {
      const tickets = await rpc.tickets.list({ conversationId });
      return tickets.length > 0 ? tickets : null;
    }, 15_000, 'the ticket synced');
    expect(listed).toEqual([
      expect.objectContaining({ id: ticketId, conversationId, customerId: F.customers.c1, title: '催发货', category: '物流', priority: 'high', status: 'pending', departmentTeamId: F.teamX }),
    ]);
    expect((await rpc.tickets.list({ customerId: F.customers.c1 })).map((t) => t.id)).toEqual([ticketId]);
    // Exactly once on the server, however often the outbox tried.
    const rows = await stage.server.everything(await stage.server.token('leadX'));
    expect(rows.filter((r: SyncRow) => r.entity === 'tickets' && (r.data as Ticket).conversationId === conversationId)).toHaveLength(1);
  }, 90_000);

  it('tells the windows when a follow-up falls due, and completing it takes it off the list', async () => {
    const { rpc, conversationId } = await leadWithConversation();
    const due = record(rpc, 'followups.due');
    const { followupId } = await rpc.followups.create({ conversationId, dueAt: Date.now() + 1500, note: '回电确认地址' });
    await eventually(async () => (await rpc.followups.list({ conversationId })).some((f) => f.id === followupId), 15_000, 'the follow-up synced');
    await eventually(() => due.length > 0, 15_000, 'followups.due');
    expect(due[0]).toMatchObject({ id: followupId, conversationId, note: '回电确认地址' });

    await rpc.followups.complete({ followupId });
    await eventually(async () => (await rpc.followups.list()).every((f) => f.id !== followupId), 15_000, 'completed');
  }, 60_000);

  it('marks a customer VIP and rejects a tag call that changes nothing, naming the field', async () => {
    const { rpc } = await leadWithConversation();
    await rpc.customers.tag({ customerId: F.customers.c1, add: ['VIP'] });
    await eventually(async () => (await rpc.customers.get({ customerId: F.customers.c1 })).customer.tags.includes('VIP'), 15_000, 'VIP tag');
    await expect(rpc.customers.tag({ customerId: F.customers.c1 })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(rpc.tickets.list({})).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('conversationId') });
  }, 60_000);
});
