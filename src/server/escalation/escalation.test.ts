import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EscalationStatusSchema } from '../../shared/api/escalation';
import type { SyncRow } from '../../shared/api/sync';
import { ESCALATION_QUEUE, nextOffer, offersOf, settle, startTimedServer, type TimedServer } from '../dispatch/testing';
import { FakeScheduler } from '../routing/testing/fakeScheduler';
import { F, type FixtureUser } from '../testing/fixtures';
import { bearer, startTestServer } from '../testing/testServer';
import type { WsCollector } from '../testing/wsClient';

// Merchant → platform escalation over the real server: the customer asks (only once the shop
// missed a target), or the automatic policy moves it; the platform gets the whole history.

const MIN = 60_000;

let t: TimedServer;
const sockets: WsCollector[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((ws) => ws.close()));
  await t.stop();
});

async function online(user: FixtureUser): Promise<WsCollector> {
  const ws = await t.online(user);
  sockets.push(ws);
  return ws;
}

async function shopChat() {
  const customer = await t.newCustomer();
  const { conversationId } = await t.customerSays(customer, F.queueA, '商品有质量问题');
  return { customer, conversationId, auth: bearer(customer.token) };
}

async function status(conversationId: string, auth: Record<string, string>) {
  const response = await t.get(`/api/customer/conversations/${conversationId}/escalation`, auth);
  expect(response.status).toBe(200);
  return EscalationStatusSchema.parse(await response.json());
}

const escalate = (conversationId: string, auth: Record<string, string>) => t.post(`/api/customer/conversations/${conversationId}/escalate`, {}, auth);

function rowsOf(rows: SyncRow[], entity: string, conversationId: string): SyncRow[] {
  return rows.filter((r) => r.entity === entity && (entity === 'conversations' ? r.id === conversationId : r.data.conversationId === conversationId));
}

describe('the customer’s transfer to the platform', () => {
  it('is refused while the shop is within its times, and allowed once it missed the 2-minute pickup', async () => {
    t = await startTimedServer();
    const { conversationId, auth } = await shopChat();
    const start = t.timers.now();
    t.timers.advance(2 * MIN - 1);
    expect(await status(conversationId, auth)).toEqual({ conversationId, escalatable: false, reason: null, since: null, escalatedFromQueueId: null });
    const early = await escalate(conversationId, auth);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: 'conflict' });
    t.timers.advance(1);
    expect(await status(conversationId, auth)).toMatchObject({ escalatable: true, reason: 'no_pickup_2m', since: start + 2 * MIN });
  });

  it('moves the chat to the platform escalation queue with its history and a system line, and the router offers it to platform agents only', async () => {
    t = await startTimedServer();
    const p2 = await online('p2');
    const mA = await online('mA');
    const { conversationId, auth } = await shopChat();
    await nextOffer(mA, conversationId);
    await t.apply('mA', 'conversations.decline', { conversationId });
    t.timers.advance(2 * MIN);

    const moved = await escalate(conversationId, auth);
    expect(moved.status).toBe(200);
    expect(EscalationStatusSchema.parse(await moved.json())).toEqual({ conversationId, escalatable: false, reason: null, since: null, escalatedFromQueueId: F.queueA });
    expect(t.internals.domain.conversations.conversation(conversationId)).toMatchObject({
      queueId: ESCALATION_QUEUE,
      status: 'queued',
      shopId: F.shopA,
      queuedAt: t.timers.now(),
      escalatedFromQueueId: F.queueA,
    });
    const offer = await nextOffer(p2, conversationId);
    expect(offer.payload).toMatchObject({ queueId: ESCALATION_QUEUE });
    await settle();
    expect(offersOf(mA, conversationId)).toHaveLength(1); // only the one before the escalation

    // The platform lead of the escalation team pulls the whole history, the event line included.
    const seen = (await t.everything('leadY')).rows;
    const messages = rowsOf(seen, 'messages', conversationId).map((r) => r.data);
    expect(messages[0]).toMatchObject({ senderKind: 'customer', body: '商品有质量问题' });
    expect(messages.at(-1)).toMatchObject({
      senderKind: 'system',
      kind: 'event',
      event: { type: 'escalated', by: 'customer', reason: 'no_pickup_2m', fromQueueId: F.queueA, toQueueId: ESCALATION_QUEUE },
    });
    // A second request is refused: it is no longer a merchant chat.
    expect((await escalate(conversationId, auth)).status).toBe(409);
  });

  it('leaves the merchant agent their copy and the replies, but no platform notes', async () => {
    t = await startTimedServer();
    const { customer, conversationId, auth } = await shopChat();
    await t.apply('mA', 'conversations.accept', { conversationId });
    await t.customerSays(customer, F.queueA, '怎么没人理我', { conversationId });
    t.timers.advance(5 * MIN);
    expect((await escalate(conversationId, auth)).status).toBe(200);
    expect(t.internals.domain.conversations.conversation(conversationId)).toMatchObject({ assigneeId: null, escalatedFromQueueId: F.queueA });
    // the merchant agent's slot is free again: the router no longer counts the chat as theirs
    expect(t.internals.domain.routing.router.holderOf(conversationId)).toBeUndefined();
    expect(t.internals.domain.routing.router.agent(F.users.mA)?.activeCount).toBe(0);

    await t.apply('p2', 'conversations.accept', { conversationId });
    await t.apply('p2', 'messages.send', { conversationId, text: '平台客服已介入' });
    await t.apply('p2', 'messages.note', { conversationId, text: '店铺超时，已记录' });
    const merchant = (await t.everything('mA')).rows;
    expect(rowsOf(merchant, 'conversations', conversationId)).toHaveLength(1);
    const bodies = rowsOf(merchant, 'messages', conversationId).map((r) => r.data.body);
    expect(bodies).toContain('平台客服已介入');
    expect(bodies).not.toContain('店铺超时，已记录');
    expect((await t.everything('p2')).rows.some((r) => r.entity === 'messages' && r.data.body === '店铺超时，已记录')).toBe(true);
    // The customer sees the platform's reply, never the note or the event line.
    expect(t.internals.domain.messages.customerVisible(conversationId).map((m) => m.body)).toEqual(['商品有质量问题', '怎么没人理我', '平台客服已介入']);
  });

  it('answers bad requests with the right status', async () => {
    t = await startTimedServer();
    const { conversationId } = await shopChat();
    const other = await t.newCustomer();
    expect((await escalate(conversationId, bearer(other.token))).status).toBe(404);
    expect((await escalate(conversationId, {})).status).toBe(401);
    expect((await escalate(conversationId, bearer(t.tokens.admin))).status).toBe(401); // agent tokens are not customer tokens
    const bad = await t.get('/api/customer/conversations/not%20an%20id/escalation', bearer(other.token));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('id') });
  });
});

describe('the automatic policy', () => {
  it('moves an unpicked merchant chat to the platform by itself at the configured time', async () => {
    t = await startTimedServer({ autoEscalate: { afterNoPickupMs: 3 * MIN } });
    const p2 = await online('p2');
    const { conversationId } = await shopChat();
    t.timers.advance(3 * MIN - 1);
    expect(t.internals.domain.conversations.conversation(conversationId)).toMatchObject({ queueId: F.queueA });
    t.timers.advance(1);
    expect(t.internals.domain.conversations.conversation(conversationId)).toMatchObject({ queueId: ESCALATION_QUEUE, escalatedFromQueueId: F.queueA });
    await nextOffer(p2, conversationId);
    const last = t.internals.domain.messages.idsOf(conversationId).at(-1)!;
    expect(t.internals.domain.messages.message(last)?.event).toMatchObject({ type: 'escalated', by: 'policy', reason: 'no_pickup_2m' });
  });

  it('escalates at start-up a chat whose time ran out while the server was down, once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seatdesk-escalation-'));
    try {
      t = await startTimedServer({ dataDir: dir, autoEscalate: { afterNoPickupMs: 3 * MIN } });
      const start = t.timers.now();
      const { conversationId } = await shopChat();
      t.timers.advance(MIN);
      await t.stop();

      const timers = new FakeScheduler(start + 10 * MIN);
      const restarted = await startTestServer({ dataDir: dir, now: timers.now, scheduler: timers, autoEscalate: { afterNoPickupMs: 3 * MIN } });
      const { domain } = restarted.internals;
      expect(domain.conversations.conversation(conversationId)).toMatchObject({ queueId: ESCALATION_QUEUE, queuedAt: start + 10 * MIN });
      const escalations = domain.messages.idsOf(conversationId).filter((id) => domain.messages.message(id)?.event?.type === 'escalated');
      expect(escalations).toHaveLength(1);
      await restarted.stop();

      // and a third start does not move or announce it again
      const again = await startTestServer({ dataDir: dir, now: timers.now, scheduler: timers, autoEscalate: { afterNoPickupMs: 3 * MIN } });
      const later = again.internals.domain;
      expect(later.messages.idsOf(conversationId).filter((id) => later.messages.message(id)?.event?.type === 'escalated')).toHaveLength(1);
      await again.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does nothing when the shop picked the chat up in time', async () => {
    t = await startTimedServer({ autoEscalate: { afterNoPickupMs: 3 * MIN } });
    const { conversationId } = await shopChat();
    t.timers.advance(MIN);
    await t.apply('mA', 'conversations.accept', { conversationId });
    t.timers.advance(30 * MIN);
    expect(t.internals.domain.conversations.conversation(conversationId)).toMatchObject({ queueId: F.queueA, assigneeId: F.users.mA });
  });
});
