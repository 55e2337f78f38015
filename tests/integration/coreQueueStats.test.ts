import { describe, expect, it } from 'vitest';
import type { Rpc } from '../../src/shared/rpc/client';
import { eventually, F, FIXTURE_PASSWORD, record, useStage } from './syncHarness';

// An agent's cache never holds queued chats (the server only offers them): the queue panel's
// figures come from the server's live queues.stats, through the core, into queues.list.
const stage = useStage('seatdesk-queue-stats-');

async function queueX(rpc: Rpc) {
  return (await rpc.queues.list()).find((q) => q.id === F.queueX);
}

describe('queue stats in the workstation', () => {
  it('shows an agent one chat waiting after a customer writes in a non-bot queue, and none after they accept it', async () => {
    const { rpc } = stage.core();
    const changed = record(rpc, 'queues.changed');
    await rpc.session.login({ serverUrl: stage.server.url, username: 'p1', password: FIXTURE_PASSWORD });
    await eventually(async () => (await queueX(rpc))?.waiting === 0, 40_000, 'the snapshot of queue X');

    const before = Date.now();
    const conversationId = await stage.server.customerSays('c1', F.queueX, '你好，我的订单还没发货');
    const waiting = await eventually(async () => {
      const queue = await queueX(rpc);
      return queue?.waiting === 1 ? queue : undefined;
    }, 15_000, 'one waiting in queue X');
    expect(waiting.longestWaitSince).toBeGreaterThanOrEqual(before - 1_000);
    expect(changed.some((c) => c.ids.includes(F.queueX))).toBe(true);
    // the figure is the server's: the agent's cache has no queued conversation to count
    expect((await rpc.conversations.list({ filter: 'mine' })).map((c) => c.id)).not.toContain(conversationId);

    await rpc.presence.set({ presence: 'online' });
    await eventually(async () => (await rpc.offers.list()).some((o) => o.conversationId === conversationId), 15_000, 'an offer');
    await rpc.conversations.accept({ conversationId });
    const after = await eventually(async () => {
      const queue = await queueX(rpc);
      return queue?.waiting === 0 ? queue : undefined;
    }, 15_000, 'queue X empty after accept');
    expect(after.longestWaitSince).toBeNull();
  });
});
