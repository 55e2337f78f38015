import { describe, expect, it } from 'vitest';
import { Router } from './router';
import { parseSnapshot, SnapshotError } from './snapshot';
import { FakeScheduler } from './testing/fakeScheduler';
import { agent, harness, item, queue, recorder, wrap, type Harness, type RouterEvent } from './testing/fixtures';
import type { QueueConfig } from './types';

const queues: QueueConfig[] = [queue('q'), queue('auto', { acceptMode: 'auto' })];

/** Saves through JSON text (as the server would), moves the clock over the downtime and restores. */
function restart(before: Harness, downtimeMs: number, options: { graceMs?: number } = {}): Harness {
  const text = JSON.stringify(before.router.toJSON());
  before.router.dispose();
  const clock = new FakeScheduler(before.clock.now() + downtimeMs);
  const log: RouterEvent[] = [];
  const router = Router.restore(JSON.parse(text), { ...options, now: clock.now, scheduler: clock, queues, events: recorder(log) });
  return wrap(clock, router, log);
}

describe('Router: snapshot and restore', () => {
  it('keeps waiting items with their enqueue times, order, priority, decliners and head flags', () => {
    const h = harness({ queues, agents: [agent('a'), agent('b', { presence: 'away' })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('normal', 'q', t0 - 90_000));
    h.router.enqueue(item('vip', 'q', t0 - 10_000, { priority: 1 }));
    h.router.enqueue(item('back', 'q', t0), { atHead: true });
    // a declines whatever is offered until nothing is left for a
    for (let offer = h.router.offers()[0]; offer; offer = h.router.offers()[0]) h.router.decline(offer.conversationId, 'a');
    const before = h.router.waiting();
    const after = restart(h, 5_000);
    expect(after.router.waiting()).toEqual(before);
    expect(before.map((w) => w.conversationId)).toEqual(['back', 'vip', 'normal']);
    expect(after.router.waiting()[0]).toEqual(item('back', 'q', t0, { declinedBy: ['a'] }));
    expect(after.log).toEqual([]);
  });

  it('restores to the same snapshot it was made from', () => {
    const h = harness({ queues, agents: [agent('a', { skills: ['en'], shopId: undefined, maxConcurrent: 3 }), agent('b', { presence: 'away', awayReason: 'lunch' })] });
    h.router.enqueue(item('c1', 'auto', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now(), { priority: 2 }));
    h.router.disconnect('b');
    const snapshot = h.router.toJSON();
    const after = restart(h, 0);
    expect(after.router.toJSON()).toEqual(snapshot);
  });

  it('keeps a running offer with its original expiry', () => {
    const h = harness({ queues, agents: [agent('a'), agent('b', { activeCount: 1 })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0));
    const after = restart(h, 8_000);
    expect(after.router.offerFor('c1')).toEqual({ conversationId: 'c1', queueId: 'q', agentId: 'a', offeredAt: t0, expiresAt: t0 + 20_000 });
    // still a pending offer: nothing is announced again; the agent can accept it
    expect(after.log).toEqual([]);
    after.clock.advance(11_999);
    expect(after.router.accept('c1', 'a')).toEqual({ ok: true });
  });

  it('lapses the running offer at its original expiry, not a fresh 20 s after the restart', () => {
    const h = harness({ queues, agents: [agent('a'), agent('b', { activeCount: 1 })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0));
    const after = restart(h, 8_000);
    after.clock.advanceTo(t0 + 20_000);
    expect(after.take().map((e) => (e.type === 'offer' ? `offer:${e.offer.agentId}` : e.type))).toEqual(['expired', 'offer:b']);
  });

  it('re-offers on restore an offer whose expiry passed during the downtime, never to the same agent', () => {
    const h = harness({ queues, agents: [agent('a'), agent('b', { activeCount: 1 })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0));
    const after = restart(h, 20_000);
    expect(after.log).toEqual([
      { type: 'expired', offer: { conversationId: 'c1', queueId: 'q', agentId: 'a', offeredAt: t0, expiresAt: t0 + 20_000 } },
      { type: 'offer', offer: { conversationId: 'c1', queueId: 'q', agentId: 'b', offeredAt: t0 + 20_000, expiresAt: t0 + 40_000 } },
    ]);
    expect(after.router.waiting()[0]?.declinedBy).toEqual(['a']);
  });

  it('keeps held chats and the load they carry', () => {
    const h = harness({ queues, agents: [agent('a', { maxConcurrent: 1 })] });
    h.router.enqueue(item('c1', 'auto', h.clock.now()));
    const after = restart(h, 1_000);
    expect(after.router.heldBy('a')).toEqual([{ conversationId: 'c1', queueId: 'auto' }]);
    after.router.enqueue(item('c2', 'auto', after.clock.now()));
    expect(after.router.isWaiting('c2')).toBe(true);
    after.router.chatClosed('c1');
    expect(after.assigned().map((a) => a.conversationId)).toEqual(['c2']);
  });

  it('continues a grace period across the restart', () => {
    const h = harness({ queues, agents: [agent('a')] });
    h.router.enqueue(item('c1', 'auto', h.clock.now()));
    h.router.disconnect('a');
    const t0 = h.clock.now();
    const after = restart(h, 30_000);
    expect(after.log).toEqual([]);
    after.clock.advanceTo(t0 + 59_999);
    expect(after.log).toEqual([]);
    after.clock.advance(1);
    expect(after.take().map((e) => e.type)).toEqual(['released']);
  });

  it('releases on restore the chats whose grace period ran out during the downtime, once', () => {
    const h = harness({ queues, agents: [agent('a')] });
    h.router.enqueue(item('c1', 'auto', h.clock.now()));
    h.router.disconnect('a');
    const after = restart(h, 90_000);
    expect(after.take()).toEqual([{ type: 'released', release: { agentId: 'a', conversations: [{ conversationId: 'c1', queueId: 'auto' }] } }]);
    const again = restart(after, 90_000);
    expect(again.log).toEqual([]);
    expect(again.router.reconnect('a')).toBe(false);
  });

  it('refuses a damaged snapshot, naming the field', () => {
    const good = harness({ queues, agents: [agent('a')] });
    good.router.enqueue(item('c1', 'q', good.clock.now()));
    const snapshot = JSON.parse(JSON.stringify(good.router.toJSON())) as Record<string, unknown>;
    expect(() => parseSnapshot({ ...snapshot, version: 2 })).toThrow(SnapshotError);
    expect(() => parseSnapshot(null)).toThrow('snapshot should be an object');
    expect(() => parseSnapshot({ ...snapshot, agents: [{ ...(snapshot.agents as object[])[0], presence: 'sleeping' }] })).toThrow('snapshot.agents[0].presence');
    expect(() => parseSnapshot({ ...snapshot, waiting: [{ item: { conversationId: 'x', queueId: 'q', enqueuedAt: 'yesterday', declinedBy: [] } }] })).toThrow(
      'snapshot.waiting[0].item.enqueuedAt should be a finite number',
    );
    expect(() => parseSnapshot({ ...snapshot, offers: 'none' })).toThrow('snapshot.offers should be an array');
    expect(() => Router.restore({}, { now: () => 0, scheduler: new FakeScheduler() })).toThrow(SnapshotError);
  });

  it('ignores offers in a snapshot that point at nothing', () => {
    const h = harness({ queues, agents: [agent('a')] });
    const snapshot = h.router.toJSON();
    snapshot.offers.push({ conversationId: 'ghost', queueId: 'q', agentId: 'a', offeredAt: 0, expiresAt: 1 });
    const clock = new FakeScheduler();
    const router = Router.restore(snapshot, { now: clock.now, scheduler: clock, queues });
    expect(router.offers()).toEqual([]);
  });
});
