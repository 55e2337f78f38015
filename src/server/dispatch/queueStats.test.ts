import { afterEach, describe, expect, it } from 'vitest';
import type { QueueStats } from '../../shared/api/sync';
import { F } from '../testing/fixtures';
import type { Frame, WsCollector } from '../testing/wsClient';
import { QUEUE_STATS_FLUSH_MS } from './queueStats';
import { nextOffer, settle, startTimedServer, type TimedServer } from './testing';

// Agents get queued chats only as offers, never as rows: the `queues.stats` event is how they see
// their queues' lines. Real server, real sockets, server time moved by hand.

let t: TimedServer;
const sockets: WsCollector[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((ws) => ws.close()));
  await t.stop();
});

function statsFrames(ws: WsCollector): QueueStats[] {
  return ws.frames.filter((f: Frame) => f.t === 'event' && f.name === 'queues.stats').map((f) => f.payload as QueueStats);
}

function statsOf(ws: WsCollector, queueId: string) {
  return statsFrames(ws).flatMap((payload) => payload.filter((stat) => stat.queueId === queueId));
}

/** Lets the coalescing timer fire and its frames arrive. */
async function flushStats(): Promise<void> {
  await settle();
  t.timers.advance(QUEUE_STATS_FLUSH_MS);
  await settle();
}

describe('queue stats for the users who serve the queue', () => {
  it('tells an agent of the queue how many wait and since when, after the chat is queued and again after accept', async () => {
    t = await startTimedServer();
    const p1 = await t.online('p1');
    sockets.push(p1);
    // the snapshot on connect: every queue of team X, empty lines included
    await p1.next((f) => f.t === 'event' && f.name === 'queues.stats');
    expect(statsFrames(p1)[0]).toEqual(
      expect.arrayContaining([
        { queueId: F.queueX, waiting: 0, oldestQueuedAt: null },
        { queueId: F.queueBot, waiting: 0, oldestQueuedAt: null },
      ]),
    );
    expect(statsFrames(p1)[0]!.map((s) => s.queueId)).not.toContain(F.queueY);

    const queuedAt = t.timers.now();
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueX, '你好');
    await flushStats();
    expect(statsOf(p1, F.queueX).at(-1)).toEqual({ queueId: F.queueX, waiting: 1, oldestQueuedAt: queuedAt });

    await nextOffer(p1, conversationId);
    await t.apply('p1', 'conversations.accept', { conversationId });
    await flushStats();
    expect(statsOf(p1, F.queueX).at(-1)).toEqual({ queueId: F.queueX, waiting: 0, oldestQueuedAt: null });
  });

  it('tells an agent of another team or another shop nothing about the queue', async () => {
    t = await startTimedServer();
    const [p2, mB] = await Promise.all([t.online('p2'), t.online('mB')]);
    sockets.push(p2, mB);
    const customer = await t.newCustomer();
    await t.customerSays(customer, F.queueX, '你好');
    const shopCustomer = await t.newCustomer();
    await t.customerSays(shopCustomer, F.queueA, '在吗');
    await flushStats();
    for (const ws of [p2, mB]) {
      expect(statsOf(ws, F.queueX)).toEqual([]);
      expect(statsOf(ws, F.queueA)).toEqual([]);
    }
    // they do get their own queues' snapshot: the feed reached them, it just left the others out
    expect(statsOf(p2, F.queueY)).toEqual([{ queueId: F.queueY, waiting: 0, oldestQueuedAt: null }]);
    expect(statsOf(mB, F.queueB)).toEqual([{ queueId: F.queueB, waiting: 0, oldestQueuedAt: null }]);
  });

  it('coalesces a burst of chats into one event per second, sent only when the figures change', async () => {
    t = await startTimedServer();
    const p2 = await t.online('p2');
    sockets.push(p2);
    await p2.next((f) => f.t === 'event' && f.name === 'queues.stats');
    const first = t.timers.now();
    for (let i = 0; i < 3; i += 1) await t.customerSays(await t.newCustomer(), F.queueY, `第${i}位`);
    await flushStats();
    // the snapshot, then the burst as one frame
    expect(statsOf(p2, F.queueY).slice(1)).toEqual([{ queueId: F.queueY, waiting: 3, oldestQueuedAt: first }]);
    // a commit that changes no line sends nothing
    await t.apply('p2', 'presence.set', { presence: 'away', reason: 'break' });
    await flushStats();
    expect(statsOf(p2, F.queueY)).toHaveLength(2);
  });
});
