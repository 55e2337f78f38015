import { describe, expect, it } from 'vitest';
import type { Rpc } from '../../src/shared/rpc/client';
import { eventually, F, FIXTURE_PASSWORD, useStage } from './syncHarness';

// The workstation's ticket drawer against a real server: timeline, status, comment, transfer.
const stage = useStage('seatdesk-ticket-drawer-');

async function online(rpc: Rpc) {
  await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
}

/** Lead X with a ticket made from customer c1's conversation, synced with its first timeline entry. */
async function leadWithTicket() {
  const conversationId = await stage.server.customerSays('c1', F.queueX, '退款一直没到账');
  const { rpc } = stage.core();
  await rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
  await online(rpc);
  await eventually(async () => (await rpc.messages.list({ conversationId })).messages.length > 0, 15_000, 'the conversation');
  const { ticketId } = await rpc.tickets.create({ conversationId, category: '退款', departmentTeamId: F.teamX });
  await eventually(async () => (await rpc.tickets.get({ ticketId })).events.length > 0, 15_000, 'the ticket');
  return { rpc, ticketId };
}

describe('ticket drawer', () => {
  it('moves a ticket pending → processing → resolved → closed with a comment, each on the timeline in order', async () => {
    const { rpc, ticketId } = await leadWithTicket();
    await rpc.tickets.update({ ticketId, status: 'processing' });
    await rpc.tickets.comment({ ticketId, text: '已联系财务，预计明天到账' });
    await rpc.tickets.update({ ticketId, status: 'resolved' });
    await rpc.tickets.update({ ticketId, status: 'closed' });
    const { ticket, events } = await eventually(async () => {
      const got = await rpc.tickets.get({ ticketId });
      return got.events.length === 5 ? got : null;
    }, 15_000, 'five timeline entries');
    expect(ticket.status).toBe('closed');
    expect(events.map((e) => (e.change?.type === 'status' ? e.change.to : e.kind))).toEqual(['created', 'processing', 'comment', 'resolved', 'closed']);
    expect(events[2]?.body).toBe('已联系财务，预计明天到账');
    // the rows can arrive over the socket before the last acknowledgement: the outbox drains after
    await eventually(async () => (await rpc.outbox.list()).length === 0, 15_000, 'the outbox to drain');
  }, 60_000);

  it('transfers a ticket to another department with the note on its timeline; the old department may no longer change it', async () => {
    const { rpc, ticketId } = await leadWithTicket();
    await rpc.tickets.transfer({ ticketId, departmentTeamId: F.teamY, note: '请财务组跟进到账' });
    const { ticket, events } = await eventually(async () => {
      const got = await rpc.tickets.get({ ticketId });
      return got.ticket.departmentTeamId === F.teamY ? got : null;
    }, 15_000, 'transferred');
    expect(ticket.assigneeId).toBeNull();
    expect(events.at(-1)).toMatchObject({ kind: 'transfer', body: '请财务组跟进到账', change: { fromTeamId: F.teamX, toTeamId: F.teamY } });
    const { mutationId } = await rpc.tickets.update({ ticketId, status: 'processing' });
    const refused = await eventually(async () => (await rpc.outbox.list()).find((e) => e.mutationId === mutationId && e.state === 'failed'), 15_000, 'refused');
    expect(refused.error?.code).toBe('forbidden');
  }, 60_000);

  it('keeps an illegal status move in the outbox with the server’s reason, and refuses bad calls naming the field', async () => {
    const { rpc, ticketId } = await leadWithTicket();
    // pending → closed skips the machine: the server refuses it, the ticket stays pending.
    const { mutationId } = await rpc.tickets.update({ ticketId, status: 'closed' });
    const failed = await eventually(async () => (await rpc.outbox.list()).find((e) => e.mutationId === mutationId && e.state === 'failed'), 15_000, 'refused');
    expect(failed.error?.code).toBe('conflict');
    expect((await rpc.tickets.get({ ticketId })).ticket.status).toBe('pending');

    await expect(rpc.tickets.update({ ticketId, status: 'done' as 'closed' })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('status') });
    await expect(rpc.tickets.transfer({ ticketId, departmentTeamId: F.teamY, note: '  ' })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('note') });
    await expect(rpc.tickets.get({ ticketId: 'no-such-ticket' })).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);
});
