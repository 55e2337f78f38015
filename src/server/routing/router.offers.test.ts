import { describe, expect, it } from 'vitest';
import { agent, harness, item, queue } from './testing/fixtures';
import { DEFAULT_OFFER_TIMEOUT_MS } from './types';

const q = queue('q');

describe('Router: offers', () => {
  it('offers a new chat to the best agent with a 20-second expiry', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 1 }), agent('b')] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0));
    expect(DEFAULT_OFFER_TIMEOUT_MS).toBe(20_000);
    expect(h.take()).toEqual([{ type: 'offer', offer: { conversationId: 'c1', queueId: 'q', agentId: 'b', offeredAt: t0, expiresAt: t0 + 20_000 } }]);
    expect(h.router.offerFor('c1')?.agentId).toBe('b');
    expect(h.router.isWaiting('c1')).toBe(true);
  });

  it('assigns on accept, counts the chat and records the assignment time', () => {
    const h = harness({ queues: [q], agents: [agent('a')] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0 - 5_000));
    h.clock.advance(3_000);
    h.take();
    expect(h.router.accept('c1', 'a')).toEqual({ ok: true });
    expect(h.take()).toEqual([
      {
        type: 'assigned',
        assignment: { conversationId: 'c1', queueId: 'q', agentId: 'a', assignedAt: t0 + 3_000, enqueuedAt: t0 - 5_000, via: 'accepted', previousAgentId: undefined, agentActiveCount: 1 },
      },
    ]);
    expect(h.router.agent('a')).toMatchObject({ activeCount: 1, lastAssignedAt: t0 + 3_000 });
    expect(h.router.isWaiting('c1')).toBe(false);
    expect(h.router.holderOf('c1')).toBe('a');
    expect(h.router.offers()).toEqual([]);
    // the offer timer is gone with the offer
    expect(h.clock.size).toBe(0);
  });

  it('refuses an accept from someone the chat was not offered to', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    expect(h.router.accept('c1', 'b')).toEqual({ ok: false, reason: 'no_offer' });
    expect(h.router.accept('nope', 'a')).toEqual({ ok: false, reason: 'not_waiting' });
    expect(h.router.decline('c1', 'b')).toEqual({ ok: false, reason: 'no_offer' });
    expect(h.router.decline('nope', 'a')).toEqual({ ok: false, reason: 'not_waiting' });
    expect(h.router.offerFor('c1')?.agentId).toBe('a');
  });

  it('re-offers a declined chat to the next agent and never back to the decliner', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.take();
    expect(h.router.decline('c1', 'a')).toEqual({ ok: true });
    expect(h.take().map((e) => (e.type === 'offer' ? e.offer.agentId : e.type))).toEqual(['b']);
    h.router.decline('c1', 'b');
    expect(h.take()).toEqual([]);
    expect(h.router.waiting()).toEqual([item('c1', 'q', h.clock.now(), { declinedBy: ['a', 'b'] })]);
    // a third agent arriving gets it; the decliners stay excluded even when they are the least loaded
    h.router.upsertAgent(agent('c', { activeCount: 3 }));
    expect(h.router.offerFor('c1')?.agentId).toBe('c');
  });

  it('lapses an offer exactly at its expiry and re-offers it elsewhere', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b', { activeCount: 1 })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0));
    h.take();
    h.clock.advance(19_999);
    expect(h.take()).toEqual([]);
    h.clock.advance(1);
    expect(h.take()).toEqual([
      { type: 'expired', offer: { conversationId: 'c1', queueId: 'q', agentId: 'a', offeredAt: t0, expiresAt: t0 + 20_000 } },
      { type: 'offer', offer: { conversationId: 'c1', queueId: 'q', agentId: 'b', offeredAt: t0 + 20_000, expiresAt: t0 + 40_000 } },
    ]);
    expect(h.router.accept('c1', 'a')).toEqual({ ok: false, reason: 'no_offer' });
    // b lets it lapse too: nobody is left, the chat keeps waiting
    h.clock.advance(20_000);
    expect(h.take().map((e) => e.type)).toEqual(['expired']);
    expect(h.router.waiting()[0]?.declinedBy).toEqual(['a', 'b']);
  });

  it('accepts at 19.999 s and refuses at 20 s even before the timer ran', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    // c1 → a, c2 → b
    h.clock.time += 19_999; // move the clock without running timers
    expect(h.router.accept('c1', 'a')).toEqual({ ok: true });
    h.clock.time += 1;
    expect(h.router.accept('c2', 'b')).toEqual({ ok: false, reason: 'expired' });
    const events = h.take().slice(-3);
    // b's lapse re-offers c2 to a, who now has room for it
    expect(events.map((e) => (e.type === 'offer' ? `offer:${e.offer.agentId}` : e.type))).toEqual(['assigned', 'expired', 'offer:a']);
    // the stale timer was cancelled with the offer it belonged to
    h.clock.runDue();
    expect(h.take()).toEqual([]);
  });

  it("uses the queue's own offer timeout", () => {
    const h = harness({ queues: [queue('q', { offerTimeoutMs: 5_000 })], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    expect(h.router.offerFor('c1')?.expiresAt).toBe(h.clock.now() + 5_000);
    h.clock.advance(5_000);
    expect(h.router.offerFor('c1')).toBeUndefined();
  });

  it('assigns directly in auto-accept queues, without an offer', () => {
    const h = harness({ queues: [queue('q', { acceptMode: 'auto' })], agents: [agent('a', { activeCount: 2 }), agent('b', { activeCount: 1 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    const events = h.take();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'assigned', assignment: { conversationId: 'c1', agentId: 'b', via: 'auto' } });
    expect(h.clock.size).toBe(0);
  });

  it('auto-accept fills agents up to their cap, spreading by load', () => {
    const h = harness({ queues: [queue('q', { acceptMode: 'auto', maxConcurrentPerAgent: 2 })], agents: [agent('a'), agent('b')] });
    for (let i = 0; i < 6; i++) h.router.enqueue(item(`c${i}`, 'q', h.clock.now() + i));
    expect(h.assigned().map((a) => `${a.conversationId}:${a.agentId}`)).toEqual(['c0:a', 'c1:b', 'c2:a', 'c3:b']);
    expect(h.router.waiting().map((w) => w.conversationId)).toEqual(['c4', 'c5']);
  });

  it('holds one pending offer per agent at a time by default', () => {
    const h = harness({ queues: [q], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    expect(h.router.offers().map((o) => o.conversationId)).toEqual(['c1']);
    h.router.accept('c1', 'a');
    expect(h.router.offers().map((o) => o.conversationId)).toEqual(['c2']);
  });

  it('can allow several pending offers per agent, each reserving a slot', () => {
    const h = harness({ queues: [queue('q', { maxConcurrentPerAgent: 2 })], agents: [agent('a')], maxPendingOffersPerAgent: 3 });
    for (const id of ['c1', 'c2', 'c3']) h.router.enqueue(item(id, 'q', h.clock.now()));
    expect(h.router.offers().map((o) => o.conversationId)).toEqual(['c1', 'c2']);
  });

  it('re-offering waits for a free agent rather than stealing from a pending one', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    h.router.decline('c1', 'a');
    // b is busy with the offer of c2, a declined c1: c1 waits, and a gets nothing new to do for c1
    expect(h.router.offerFor('c1')).toBeUndefined();
    h.router.decline('c2', 'b');
    // now a is free and did not decline c2; b is free and did not decline c1
    expect(h.router.offerFor('c1')?.agentId).toBe('b');
    expect(h.router.offerFor('c2')?.agentId).toBe('a');
  });
});

describe('Router: order of service', () => {
  it('serves each queue first-in first-out', () => {
    const h = harness({ queues: [q] });
    const t0 = h.clock.now();
    h.router.enqueue(item('second', 'q', t0 + 10));
    h.router.enqueue(item('first', 'q', t0));
    h.router.enqueue(item('third', 'q', t0 + 10));
    h.router.upsertAgent(agent('a'));
    expect(h.offers().map((o) => o.conversationId)).toEqual(['first']);
    h.router.accept('first', 'a');
    h.router.accept('second', 'a');
    expect(h.offers().map((o) => o.conversationId)).toEqual(['first', 'second', 'third']);
  });

  it('serves VIP customers first', () => {
    const h = harness({ queues: [q] });
    const t0 = h.clock.now();
    h.router.enqueue(item('normal', 'q', t0));
    h.router.enqueue(item('vip', 'q', t0 + 60_000, { priority: 1 }));
    h.router.upsertAgent(agent('a'));
    expect(h.router.offerFor('vip')?.agentId).toBe('a');
    expect(h.router.waiting().map((w) => w.conversationId)).toEqual(['vip', 'normal']);
  });

  it('serves a head-of-line requeue before everything else', () => {
    const h = harness({ queues: [q] });
    const t0 = h.clock.now();
    h.router.enqueue(item('vip', 'q', t0, { priority: 1 }));
    h.router.enqueue(item('back', 'q', t0 + 1_000), { atHead: true });
    expect(h.router.waiting().map((w) => w.conversationId)).toEqual(['back', 'vip']);
  });

  it('gives an agent serving two queues the oldest chat of either', () => {
    const h = harness({ queues: [queue('q1'), queue('q2')] });
    const t0 = h.clock.now();
    h.router.enqueue(item('q1-new', 'q1', t0 + 500));
    h.router.enqueue(item('q2-old', 'q2', t0));
    h.router.upsertAgent(agent('a'));
    expect(h.offers().map((o) => o.conversationId)).toEqual(['q2-old']);
  });

  it('does not let a chat nobody can take block the ones behind it', () => {
    const h = harness({ queues: [queue('skilled', { requiredSkills: ['en'] }), q] });
    const t0 = h.clock.now();
    h.router.enqueue(item('needs-en', 'skilled', t0));
    h.router.enqueue(item('plain', 'q', t0 + 1));
    h.router.upsertAgent(agent('a'));
    expect(h.offers().map((o) => o.conversationId)).toEqual(['plain']);
  });

  it('refuses to enqueue a conversation twice', () => {
    const h = harness({ queues: [q] });
    expect(h.router.enqueue(item('c1', 'q', 1))).toBe(true);
    expect(h.router.enqueue(item('c1', 'q', 2))).toBe(false);
    expect(h.router.waiting()).toHaveLength(1);
  });

  it('keeps chats of an unknown queue waiting until the queue is configured', () => {
    const h = harness({ agents: [agent('a')] });
    h.router.enqueue(item('c1', 'later', h.clock.now()));
    expect(h.offers()).toEqual([]);
    h.router.setQueue(queue('later'));
    expect(h.router.offerFor('c1')?.agentId).toBe('a');
  });

  it('drops a waiting chat that closes, withdrawing its offer', () => {
    const h = harness({ queues: [q], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    h.take();
    expect(h.router.chatClosed('c1')).toBe(true);
    expect(h.take()).toEqual([
      { type: 'withdrawn', offer: expect.objectContaining({ conversationId: 'c1', agentId: 'a' }), reason: 'removed' },
      { type: 'offer', offer: expect.objectContaining({ conversationId: 'c2', agentId: 'a' }) },
    ]);
    expect(h.router.chatClosed('c1')).toBe(false);
  });
});
