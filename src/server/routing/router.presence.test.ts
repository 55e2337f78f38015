import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCONNECT_GRACE_MS } from './types';
import { agent, harness, item, queue } from './testing/fixtures';

const q = queue('q');

describe('Router: presence', () => {
  it('offers nothing to busy, away or offline agents', () => {
    const h = harness({ queues: [q], agents: [agent('busy', { presence: 'busy' }), agent('away', { presence: 'away' }), agent('off', { presence: 'offline' })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    expect(h.log).toEqual([]);
  });

  it('offers waiting chats to an agent the moment they come online', () => {
    const h = harness({ queues: [q], agents: [agent('a', { presence: 'away', awayReason: 'lunch' })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.setPresence('a', 'online');
    expect(h.take()).toEqual([{ type: 'offer', offer: expect.objectContaining({ agentId: 'a' }) }]);
    expect(h.router.agent('a')?.awayReason).toBeUndefined();
  });

  it('withdraws a pending offer when the agent goes away and offers it to someone else', () => {
    const h = harness({ queues: [q], agents: [agent('a'), agent('b', { activeCount: 1 })] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.take();
    h.router.setPresence('a', 'away', 'meeting');
    expect(h.take()).toEqual([
      { type: 'withdrawn', offer: expect.objectContaining({ agentId: 'a' }), reason: 'presence' },
      { type: 'offer', offer: expect.objectContaining({ agentId: 'b' }) },
    ]);
    expect(h.router.agent('a')).toMatchObject({ presence: 'away', awayReason: 'meeting' });
    // going away is not declining: back online, a could get it again
    expect(h.router.waiting()[0]?.declinedBy).toEqual([]);
  });

  it('keeps chats when an agent goes busy; only new offers stop', () => {
    const h = harness({ queues: [queue('q', { acceptMode: 'auto' })], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.setPresence('a', 'busy');
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    expect(h.router.agent('a')?.activeCount).toBe(1);
    expect(h.router.heldBy('a')).toEqual([{ conversationId: 'c1', queueId: 'q' }]);
    expect(h.router.isWaiting('c2')).toBe(true);
  });

  it('ignores changes for agents it does not know', () => {
    const h = harness({ queues: [q] });
    h.router.setPresence('ghost', 'online');
    h.router.setCapacity('ghost', 3);
    h.router.disconnect('ghost');
    expect(h.router.reconnect('ghost')).toBe(false);
    h.router.removeAgent('ghost');
    expect(h.router.agents()).toEqual([]);
  });
});

describe('Router: disconnect grace period', () => {
  function withChats() {
    const h = harness({ queues: [queue('q', { acceptMode: 'auto' }), queue('q2', { acceptMode: 'auto' })], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.enqueue(item('c2', 'q2', h.clock.now()));
    h.take();
    return h;
  }

  it('keeps the chats of an agent who comes back within 60 s', () => {
    expect(DEFAULT_DISCONNECT_GRACE_MS).toBe(60_000);
    const h = withChats();
    h.router.disconnect('a');
    h.clock.advance(59_999);
    expect(h.router.reconnect('a')).toBe(true);
    h.clock.advance(60_000);
    expect(h.take()).toEqual([]);
    expect(h.router.agent('a')).toMatchObject({ activeCount: 2, presence: 'online' });
    expect(h.router.agent('a')?.disconnectedAt).toBeUndefined();
  });

  it('offers nothing while disconnected and withdraws pending offers', () => {
    const h = harness({ queues: [q], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.take();
    h.router.disconnect('a');
    expect(h.take()).toEqual([{ type: 'withdrawn', offer: expect.objectContaining({ agentId: 'a' }), reason: 'disconnected' }]);
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    expect(h.take()).toEqual([]);
    h.router.reconnect('a');
    expect(h.take()).toEqual([{ type: 'offer', offer: expect.objectContaining({ conversationId: 'c1', agentId: 'a' }) }]);
  });

  it('releases the chats exactly 60 s after the disconnect, once', () => {
    const h = withChats();
    const t0 = h.clock.now();
    h.router.disconnect('a');
    expect(h.router.agent('a')?.disconnectedAt).toBe(t0);
    h.clock.advance(59_999);
    expect(h.take()).toEqual([]);
    h.clock.advance(1);
    expect(h.take()).toEqual([
      {
        type: 'released',
        release: {
          agentId: 'a',
          conversations: [
            { conversationId: 'c1', queueId: 'q' },
            { conversationId: 'c2', queueId: 'q2' },
          ],
        },
      },
    ]);
    expect(h.router.agent('a')).toMatchObject({ activeCount: 0, presence: 'offline' });
    expect(h.router.holderOf('c1')).toBeUndefined();
    h.clock.advance(600_000);
    expect(h.take()).toEqual([]);
    // returning now: the chats are gone
    expect(h.router.reconnect('a')).toBe(false);
    expect(h.router.reconnect('a')).toBe(true);
  });

  it('lets the server requeue released chats at the head of their queues from the event', () => {
    const h = harness({
      queues: [q],
      agents: [agent('a'), agent('b', { presence: 'away' })],
      events: {
        onReleased: (release) => {
          for (const held of release.conversations) h.router.enqueue(item(held.conversationId, held.queueId!, h.clock.now()), { atHead: true });
        },
      },
    });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.accept('c1', 'a');
    h.clock.advance(10_000);
    h.router.enqueue(item('waiting-long', 'q', h.clock.now() - 3_600_000));
    h.router.disconnect('a');
    h.clock.advance(60_000);
    expect(h.router.waiting().map((w) => w.conversationId)).toEqual(['c1', 'waiting-long']);
    h.take();
    h.router.setPresence('b', 'online');
    expect(h.take()).toEqual([{ type: 'offer', offer: expect.objectContaining({ conversationId: 'c1', agentId: 'b' }) }]);
  });

  it('uses a configured grace period', () => {
    const h = harness({ queues: [q], agents: [agent('a', { activeCount: 1 })], graceMs: 5_000 });
    h.router.disconnect('a');
    h.clock.advance(5_000);
    expect(h.take().map((e) => e.type)).toEqual(['released']);
  });

  it('a second disconnect does not restart the grace period', () => {
    const h = withChats();
    h.router.disconnect('a');
    h.clock.advance(30_000);
    h.router.disconnect('a');
    h.clock.advance(30_000);
    expect(h.take().map((e) => e.type)).toEqual(['released']);
  });

  it('an agent loaded as disconnected from the store gets the rest of their grace period', () => {
    const h = harness({ queues: [q] });
    const t0 = h.clock.now();
    h.router.upsertAgent(agent('a', { activeCount: 1, disconnectedAt: t0 - 45_000 }), [{ conversationId: 'c9', queueId: 'q' }]);
    h.clock.advance(14_999);
    expect(h.log).toEqual([]);
    h.clock.advance(1);
    expect(h.take()).toEqual([{ type: 'released', release: { agentId: 'a', conversations: [{ conversationId: 'c9', queueId: 'q' }] } }]);
  });

  it('upserting the agent as connected cancels the grace period', () => {
    const h = withChats();
    h.router.disconnect('a');
    h.router.upsertAgent(agent('a', { activeCount: 2 }));
    h.clock.advance(120_000);
    expect(h.take()).toEqual([]);
    expect(h.router.heldBy('a')).toHaveLength(2);
  });

  it('removing an agent releases their chats and withdraws their offers', () => {
    const h = harness({ queues: [q], agents: [agent('a')] });
    h.router.enqueue(item('c1', 'q', h.clock.now()));
    h.router.accept('c1', 'a');
    h.router.enqueue(item('c2', 'q', h.clock.now()));
    h.take();
    h.router.removeAgent('a');
    expect(h.take()).toEqual([
      { type: 'withdrawn', offer: expect.objectContaining({ conversationId: 'c2' }), reason: 'removed' },
      { type: 'released', release: { agentId: 'a', conversations: [{ conversationId: 'c1', queueId: 'q' }] } },
    ]);
    expect(h.router.agent('a')).toBeUndefined();
  });
});
