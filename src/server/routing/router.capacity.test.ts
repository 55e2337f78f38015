import { describe, expect, it } from 'vitest';
import { agent, harness, item, queue } from './testing/fixtures';

const q = queue('q');

describe('Router: capacity', () => {
  it('gives an agent at the default cap of 5 nothing more', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 5 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    expect(h.offers()).toEqual([]);
  });

  it('offers the oldest waiting chat the agent can take as soon as one of theirs closes', () => {
    const h = harness({ queues: [q, queue('other', { teamIds: ['t9'] })], agents: [agent('a', { activeCount: 4 })] });
    const t0 = h.clock.now();
    h.router.enqueue(item('mine', 'q', t0));
    h.router.accept('mine', 'a');
    h.router.enqueue(item('not-for-a', 'other', t0 + 1));
    h.router.enqueue(item('older', 'q', t0 + 2));
    h.router.enqueue(item('newer', 'q', t0 + 3));
    h.take();
    expect(h.router.agent('a')?.activeCount).toBe(5);
    expect(h.router.chatClosed('mine')).toBe(true);
    expect(h.take()).toEqual([{ type: 'offer', offer: expect.objectContaining({ conversationId: 'older', agentId: 'a' }) }]);
    expect(h.router.agent('a')?.activeCount).toBe(4);
  });

  it('frees a slot for a chat the router only knew as a count', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 5 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    expect(h.router.chatClosed('from-the-store', 'a')).toBe(true);
    expect(h.router.offerFor('c1')?.agentId).toBe('a');
    // never below the chats the router knows about, never below zero
    h.router.accept('c1', 'a');
    for (let i = 0; i < 10; i++) h.router.chatClosed(`x${i}`, 'a');
    expect(h.router.agent('a')?.activeCount).toBe(1);
  });

  it("honours the queue's lower override", () => {
    const h = harness({ queues: [queue('q', { maxConcurrentPerAgent: 2, acceptMode: 'auto' })], agents: [agent('a', { activeCount: 2 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    expect(h.assigned()).toEqual([]);
  });

  it("honours the agent's own cap, above or below the default", () => {
    const h = harness({ queues: [queue('q', { acceptMode: 'auto' })], agents: [agent('a', { maxConcurrent: 7, activeCount: 6 }), agent('b', { maxConcurrent: 1, activeCount: 1 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    expect(h.assigned().map((a) => a.agentId)).toEqual(['a']);
    expect(h.router.waiting().map((w) => w.conversationId)).toEqual(['c2']);
  });

  it('raising the cap triggers an offer; lowering it below the load withdraws the pending offer', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 5 }), agent('b', { activeCount: 5 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.setCapacity('a', 6);
    expect(h.take()).toEqual([{ type: 'offer', offer: expect.objectContaining({ conversationId: 'c1', agentId: 'a' }) }]);
    h.router.setCapacity('a', 5);
    expect(h.take()).toEqual([{ type: 'withdrawn', offer: expect.objectContaining({ conversationId: 'c1', agentId: 'a' }), reason: 'capacity' }]);
    // withdrawing is not declining: a gets it again when there is room
    expect(h.router.waiting()[0]?.declinedBy).toEqual([]);
    h.router.setCapacity('a', undefined);
    h.router.setCapacity('b', 10);
    expect(h.router.offerFor('c1')?.agentId).toBe('b');
  });

  it('lowering the cap never takes chats away', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 4 })] });
    h.router.setCapacity('a', 1);
    expect(h.router.agent('a')).toMatchObject({ activeCount: 4, maxConcurrent: 1 });
    expect(h.log).toEqual([]);
  });

  it('an offer reserves a slot: a full agent with an offer gets no assignment elsewhere', () => {
    const h = harness({ queues: [q, queue('auto', { acceptMode: 'auto' })], agents: [agent('a', { activeCount: 4 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'auto', h.clock.now()));
    expect(h.assigned()).toEqual([]);
    h.router.decline('c1', 'a');
    expect(h.assigned().map((a) => a.conversationId)).toEqual(['c2']);
  });

  it('a queue override tightened while an offer is pending withdraws it', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 2 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.take();
    h.router.setQueue(queue('q', { maxConcurrentPerAgent: 2 }));
    expect(h.take()).toEqual([{ type: 'withdrawn', offer: expect.objectContaining({ agentId: 'a' }), reason: 'queue_changed' }]);
  });
});
