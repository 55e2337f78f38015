import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Review } from '../../src/shared/domain/reviews';
import type { Rpc } from '../../src/shared/rpc/client';
import { eventually, F, FIXTURE_PASSWORD, record, useStage } from './syncHarness';

// Offline review against a real server on loopback and a real cache file: a set made available
// offline with progress, verdicts recorded with the server stopped, delivered once after restart.
const stage = useStage('seatdesk-review-');

async function signIn(username: string): Promise<Rpc> {
  const { rpc } = stage.core();
  await rpc.session.login({ serverUrl: stage.server.url, username, password: FIXTURE_PASSWORD });
  await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
  return rpc;
}

const today = () => ({ from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 });

async function serverReviews(user: 'leadX' | 'p1'): Promise<Review[]> {
  const rows = await stage.server.everything(await stage.server.token(user));
  return rows.filter((r: SyncRow) => r.entity === 'reviews').map((r) => r.data as Review);
}

describe('offline review', () => {
  it('makes a queue’s day available offline with progress, takes verdicts offline and delivers them once after the restart', async () => {
    const ids = [
      await stage.server.customerSays('c1', F.queueX, '你们这是诈骗吧'),
      await stage.server.customerSays('c2', F.queueX, '我要退款'),
      await stage.server.customerSays('c3', F.queueX, '发货了吗'),
    ];
    await stage.server.customerSays('c4', F.queueY, '另一个队列');
    const rpc = await signIn('leadx');
    const progress = record(rpc, 'review.progress');

    const set = await rpc.review.prepare({ name: 'Queue X today', filter: { queueId: F.queueX, ...today() } });
    expect(set).toMatchObject({ name: 'Queue X today', state: 'ready', conversations: 3 });
    expect(set.rows).toBeGreaterThanOrEqual(3 * 3); // conversation, customer and message each at least
    expect(set.bytes).toBeGreaterThan(0);
    const last = progress[progress.length - 1]!;
    expect(last).toMatchObject({ setId: set.id, phase: 'done', done: set.rows, total: set.rows });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
    expect(await rpc.review['sets.list']()).toEqual([set]);

    const queue = await rpc.review.queue({ setId: set.id });
    expect(queue.map((q) => q.conversationId)).toEqual(ids);
    expect(queue[0]).toMatchObject({ messages: 1, qcFlags: 1, verdict: null, rejected: null, customerName: expect.any(String) });

    await stage.server.stop();
    await eventually(async () => (await rpc.sync.status()).state === 'offline', 15_000, 'offline');
    // Offline: the set reads from the cache and verdicts queue up, shown pending at once.
    expect((await rpc.messages.list({ conversationId: ids[0]! })).messages.map((m) => m.body)).toEqual(['你们这是诈骗吧']);
    const { reviewId } = await rpc.reviews.record({ conversationId: ids[0]!, verdict: 'fail', ruleId: 'agent.rude', note: '语气生硬' });
    await rpc.reviews.record({ conversationId: ids[1]!, verdict: 'pass' });
    // A second verdict on the same conversation replaces the first (same review id).
    expect((await rpc.reviews.record({ conversationId: ids[0]!, verdict: 'fail', ruleId: 'agent.blame', note: '推卸责任' })).reviewId).toBe(reviewId);
    const offline = await rpc.review.queue({ setId: set.id });
    expect(offline[0]!.verdict).toMatchObject({ reviewId, verdict: 'fail', ruleId: 'agent.blame', note: '推卸责任', state: 'pending' });
    expect(offline[1]!.verdict).toMatchObject({ verdict: 'pass', state: 'pending' });
    expect(await rpc.outbox.list()).toHaveLength(3);

    await stage.server.start();
    await eventually(async () => (await rpc.outbox.list()).length === 0, 30_000, 'outbox drained');
    const synced = await eventually(async () => {
      const items = await rpc.review.queue({ setId: set.id });
      return items.slice(0, 2).every((i) => i.verdict?.state === 'synced') ? items : null;
    }, 15_000, 'verdicts synced');
    expect(synced[0]!.verdict).toMatchObject({ reviewId, verdict: 'fail', ruleId: 'agent.blame' });
    // Exactly once on the server: one row per conversation, the later verdict kept.
    const onServer = await serverReviews('leadX');
    expect(onServer.map((r) => [r.conversationId, r.verdict, r.ruleId]).sort()).toEqual(
      [[ids[0], 'fail', 'agent.blame'], [ids[1], 'pass', null]].sort(),
    );
    expect(onServer.find((r) => r.conversationId === ids[0])!.id).toBe(reviewId);
  }, 120_000);

  it('rolls a refused verdict back and says why', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, '在吗');
    expect(await stage.server.mutate(await stage.server.token('p1'), 'conversations.accept', { conversationId })).toBe('applied');
    // An agent may download their own chats, but verdicts are for leads: the server refuses it.
    const rpc = await signIn('p1');
    const set = await rpc.review.prepare({ name: 'mine', filter: today() });
    expect(set.conversations).toBe(1);
    await rpc.reviews.record({ conversationId, verdict: 'pass' });
    const refused = await eventually(async () => {
      const [item] = await rpc.review.queue({ setId: set.id });
      return item?.rejected ? item : null;
    }, 30_000, 'the refusal');
    expect(refused).toMatchObject({ verdict: null, rejected: { code: 'forbidden' } });
    expect(await rpc.outbox.list()).toEqual([expect.objectContaining({ name: 'reviews.record', state: 'failed' })]);
    expect(await serverReviews('p1')).toEqual([]);
  }, 90_000);

  it('answers bad calls with typed errors naming the field', async () => {
    const rpc = await signIn('leadx');
    await expect(rpc.review.prepare({ name: 'x', filter: { from: 10, to: 1 } })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('to') });
    await expect(rpc.review.queue({ setId: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(rpc.reviews.record({ conversationId: 'nope', verdict: 'fail' })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('ruleId') });
    await expect(rpc.reviews.record({ conversationId: 'nope', verdict: 'pass' })).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);
});
