import { describe, expect, it } from 'vitest';
import { agent, harness, item, queue } from './testing/fixtures';

const q = queue('q');

describe('Router: transfers and reassignment', () => {
  it('lists transfer targets with spare capacity, counting pending offers as load', () => {
    const h = harness({
      queues: [q, queue('small', { maxConcurrentPerAgent: 2 })],
      agents: [agent('a', { activeCount: 1 }), agent('b', { activeCount: 4 }), agent('c', { teamIds: ['t2'] }), agent('d', { presence: 'away' })],
    });
    h.router.enqueue(item('c1', 'q', h.clock.now())); // offered to a: a's load is 2
    expect(h.router.transferTargets({ queueId: 'q' })).toEqual([
      { agentId: 'a', activeCount: 1, capacity: 5, spare: 3 },
      { agentId: 'b', activeCount: 4, capacity: 5, spare: 1 },
    ]);
    expect(h.router.transferTargets({ queueId: 'small' })).toEqual([]);
    expect(h.router.transferTargets({ teamId: 't2' }).map((t) => t.agentId)).toEqual(['c']);
    expect(h.router.transferTargets({ queueId: 'q' }, { excludeAgentId: 'a' }).map((t) => t.agentId)).toEqual(['b']);
    expect(h.router.transferTargets({ queueId: 'missing' })).toEqual([]);
  });

  it('moves a chat from one agent to another (lead reassign), freeing the first slot', () => {
    const h = harness({ queues: [queue('q', { acceptMode: 'auto' })], agents: [agent('a', { activeCount: 4 }), agent('b', { presence: 'away' })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now() + 1)); // a is full now; c2 waits
    h.router.setPresence('b', 'online'); // b takes c2
    h.take();
    h.clock.advance(1_000);
    expect(h.router.assign('c1', 'b')).toEqual({ ok: true });
    expect(h.take()).toEqual([
      {
        type: 'assigned',
        assignment: { conversationId: 'c1', queueId: 'q', agentId: 'b', assignedAt: h.clock.now(), enqueuedAt: undefined, via: 'manual', previousAgentId: 'a', agentActiveCount: 2 },
      },
    ]);
    expect(h.router.agent('a')?.activeCount).toBe(4);
    expect(h.router.agent('b')?.activeCount).toBe(2);
    expect(h.router.holderOf('c1')).toBe('b');
    expect(h.router.assign('c1', 'b')).toEqual({ ok: true });
    expect(h.take()).toEqual([]);
  });

  it('offers the freed slot to the next waiting chat after a reassign', () => {
    const h = harness({ queues: [q], agents: [agent('a', { maxConcurrent: 1 }), agent('b', { presence: 'away' })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.accept('c1', 'a');
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    h.router.setPresence('b', 'online'); // c2 goes to b as an offer
    h.router.decline('c2', 'b');
    h.take();
    expect(h.router.assign('c1', 'b')).toEqual({ ok: true });
    expect(h.take().map((e) => e.type + ':' + (e.type === 'offer' ? e.offer.agentId : ''))).toEqual(['assigned:', 'offer:a']);
  });

  it('refuses an unknown, unavailable or full agent unless forced', () => {
    const h = harness({ queues: [q], agents: [agent('full', { activeCount: 5 }), agent('away', { presence: 'away' })] });
    expect(h.router.assign('c1', 'nobody')).toEqual({ ok: false, reason: 'unknown_agent' });
    expect(h.router.assign('c1', 'away')).toEqual({ ok: false, reason: 'unavailable' });
    expect(h.router.assign('c1', 'full', { queueId: 'q' })).toEqual({ ok: false, reason: 'no_capacity' });
    expect(h.router.assign('c1', 'full', { queueId: 'q', force: true })).toEqual({ ok: true });
    expect(h.router.agent('full')?.activeCount).toBe(6);
    expect(h.router.heldBy('full')).toEqual([{ conversationId: 'c1', queueId: 'q' }]);
  });

  it("never crosses shop isolation, not even forced", () => {
    const h = harness({
      queues: [queue('shop-a', { kind: 'merchant', shopId: 'shop-a', teamIds: ['sa'] }), q],
      agents: [agent('platform-agent'), agent('shop-b-agent', { shopId: 'shop-b', teamIds: ['sb'] }), agent('shop-a-agent', { shopId: 'shop-a', teamIds: ['sa'] })],
    });
    h.router.enqueue(item('shop-chat', 'shop-a', h.clock.now()));
    h.router.decline('shop-chat', 'shop-a-agent');
    expect(h.router.assign('shop-chat', 'platform-agent')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(h.router.assign('shop-chat', 'shop-b-agent', { force: true })).toEqual({ ok: false, reason: 'not_allowed' });
    expect(h.router.assign('platform-chat', 'shop-a-agent', { queueId: 'q', force: true })).toEqual({ ok: false, reason: 'not_allowed' });
    expect(h.router.isWaiting('shop-chat')).toBe(true);
    // a lead may still hand it back to the shop's own agent, who declined the offer
    expect(h.router.assign('shop-chat', 'shop-a-agent')).toEqual({ ok: true });
  });

  it("respects the target queue's cap on a direct assign", () => {
    const h = harness({ queues: [queue('small', { maxConcurrentPerAgent: 1 })], agents: [agent('a', { activeCount: 1 })] });
    expect(h.router.assign('c1', 'a', { queueId: 'small' })).toEqual({ ok: false, reason: 'no_capacity' });
    expect(h.router.assign('c1', 'a')).toEqual({ ok: true });
  });

  it('assigning a waiting chat takes it out of line and withdraws another agent\'s offer', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b', { activeCount: 1 })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('c1', 'q', t0 - 2_000));
    h.take();
    expect(h.router.assign('c1', 'b')).toEqual({ ok: true });
    expect(h.take()).toEqual([
      { type: 'withdrawn', offer: expect.objectContaining({ agentId: 'a' }), reason: 'assigned_elsewhere' },
      { type: 'assigned', assignment: expect.objectContaining({ conversationId: 'c1', agentId: 'b', via: 'manual', enqueuedAt: t0 - 2_000 }) },
    ]);
    expect(h.router.isWaiting('c1')).toBe(false);
  });

  it('assigning a chat to the agent it is offered to counts like an accept', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 4 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.take();
    // a is at 4 + 1 pending = 5: the pending offer is for this very chat, so it fits
    expect(h.router.assign('c1', 'a')).toEqual({ ok: true });
    expect(h.take().map((e) => e.type)).toEqual(['assigned']);
    expect(h.router.agent('a')?.activeCount).toBe(5);
  });

  it('a transfer to a queue frees the holder and puts the chat in line', () => {
    const h = harness({ queues: [q, queue('esc', { kind: 'escalation', teamIds: ['t2'] })], agents: [agent('a'), agent('e', { teamIds: ['t2'] })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.accept('c1', 'a');
    h.take();
    expect(h.router.enqueue(item('c1', 'esc', h.clock.now()))).toBe(true);
    expect(h.router.agent('a')?.activeCount).toBe(0);
    expect(h.router.holderOf('c1')).toBeUndefined();
    expect(h.take()).toEqual([{ type: 'offer', offer: expect.objectContaining({ conversationId: 'c1', queueId: 'esc', agentId: 'e' }) }]);
  });
});

describe('Router: queue changes', () => {
  it('withdraws offers to agents who lose the skill a queue now needs', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b', { skills: ['en'], activeCount: 1 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.take();
    h.router.setQueue(queue('q', { requiredSkills: ['en'] }));
    expect(h.take()).toEqual([
      { type: 'withdrawn', offer: expect.objectContaining({ agentId: 'a' }), reason: 'queue_changed' },
      { type: 'offer', offer: expect.objectContaining({ agentId: 'b' }) },
    ]);
    expect(h.router.queue('q')?.requiredSkills).toEqual(['en']);
  });

  it('switching a queue to auto-accept assigns what is waiting', () => {
    const h = harness({ queues: [q], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    h.take();
    h.router.setQueue(queue('q', { acceptMode: 'auto' }));
    expect(h.take().map((e) => e.type)).toEqual(['assigned']);
    // the pending offer limit holds back offers, not auto-assignments; the offer for c1 stands
    expect(h.router.accept('c1', 'a')).toEqual({ ok: true });
  });

  it('removing a queue hands its waiting items back', () => {
    const h = harness({ queues: [q, queue('other')], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now() + 1));
    h.router.enqueue(item('c3', 'other', h.clock.now() + 2));
    h.take();
    expect(h.router.removeQueue('q').map((w) => w.conversationId)).toEqual(['c1', 'c2']);
    expect(h.take()).toEqual([
      { type: 'withdrawn', offer: expect.objectContaining({ conversationId: 'c1' }), reason: 'removed' },
      { type: 'offer', offer: expect.objectContaining({ conversationId: 'c3' }) },
    ]);
    expect(h.router.queue('q')).toBeUndefined();
  });
});

describe('Router: listeners', () => {
  it('lets a listener call back into the router (an auto-accepting client)', () => {
    const h = harness({
      queues: [q],
      agents: [agent('a', { maxConcurrent: 2 })],
      events: { onOffer: (offer) => void h.router.accept(offer.conversationId, offer.agentId) },
    });
    for (const id of ['c1', 'c2', 'c3']) h.router.enqueue(item(id, 'q', h.clock.now()));
    expect(h.log.map((e) => e.type)).toEqual(['offer', 'assigned', 'offer', 'assigned']);
    expect(h.router.waiting().map((w) => w.conversationId)).toEqual(['c3']);
  });

  it('delivers every event even when a listener throws, then reports the error', () => {
    let calls = 0;
    const h = harness({
      queues: [queue('q', { acceptMode: 'auto' })],
      agents: [agent('a')],
      events: {
        onAssigned: () => {
          calls += 1;
          throw new Error('listener broke');
        },
      },
    });
    h.router.setPresence('a', 'away');
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    expect(() => h.router.setPresence('a', 'online')).toThrow('listener broke');
    expect(calls).toBe(2);
    expect(h.router.agent('a')?.activeCount).toBe(2);
  });

  it('dispose cancels every timer', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 1 }), agent('b')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.disconnect('a');
    expect(h.clock.size).toBe(2);
    h.router.dispose();
    expect(h.clock.size).toBe(0);
  });
});
