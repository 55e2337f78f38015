import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation, SyncRow } from '../../../shared/api/sync';
import type { Review } from '../../../shared/domain/reviews';
import { ChangeSet } from '../cache/changeSet';
import { openCache } from '../cache/openCache';
import { RowWriter } from '../cache/rowWriter';
import { Outbox } from '../outbox/outbox';
import { EventHub } from '../rpc/eventHub';
import type { LooseMutationResult } from '../sync/syncApi';
import { ReviewQueue } from './reviewQueue';
import { ReviewWrites } from './reviewWrites';

// Verdicts through the outbox over a real cache file; the server's answer is the one faked port
// (the integration test coreReview.test.ts runs the real server).

const ME = 'u-lead';
const T = Date.UTC(2026, 10, 23);
let dir: string;
let db: Database.Database;
let writer: RowWriter;
let outbox: Outbox;
let writes: ReviewWrites;
let queue: ReviewQueue;
let answer: (mutation: Mutation) => LooseMutationResult;
let goOnline: () => void;

const review = (over: Partial<Review>): Review => ({
  id: 'r-server', conversationId: 'c-1', reviewerId: ME, verdict: 'pass', ruleId: null, note: '', createdAt: T, updatedAt: T, ...over,
});
const serverRow = (data: Review, seq: number): SyncRow => ({ entity: 'reviews', id: data.id, seq, deleted: false, data });
const mine = () => queue.verdicts().get('c-1');
const settled = async () => {
  outbox.kick();
  await outbox.idle();
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-review-writes-'));
  db = openCache(join(dir, 'cache.sqlite'));
  writer = new RowWriter(db);
  writer.apply(
    [{ entity: 'conversations', id: 'c-1', seq: 1, deleted: false, data: { id: 'c-1', customerId: 'k', queueId: 'q', shopId: null, channel: 'chat', status: 'resolved', assigneeId: null, orderId: null, createdAt: T, queuedAt: T, assignedAt: null, firstResponseAt: null, lastCustomerAt: null, lastAgentAt: null, resolvedAt: T, closedAt: null, category: null, csat: null, escalatedFromQueueId: null } }],
    new ChangeSet(),
  );
  let online = false;
  const api = { pull: () => Promise.reject(new Error('not used')), mutate: async (_client: string, mutations: Mutation[]) => mutations.map((m) => answer(m)) };
  outbox = new Outbox({ db, writer, hub: new EventHub(), api, clientId: 'test', isOnline: () => online, now: () => T });
  writes = new ReviewWrites({ db, outbox, userId: ME, now: () => T + 1 });
  queue = new ReviewQueue(db, ME);
  goOnline = () => (online = true);
});
afterEach(async () => {
  outbox.stop();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ReviewWrites', () => {
  it('stores the pending verdict and its mutation together, and reuses the reviewer’s review id', () => {
    writer.apply([serverRow(review({ verdict: 'pass' }), 5)], new ChangeSet());
    const { reviewId } = writes.record({ conversationId: 'c-1', verdict: 'fail', ruleId: 'agent.rude', note: 'x' });
    expect(reviewId).toBe('r-server');
    expect(mine()).toMatchObject({ reviewId: 'r-server', verdict: 'fail', ruleId: 'agent.rude', state: 'pending' });
    expect(outbox.list()).toEqual([expect.objectContaining({ name: 'reviews.record', args: expect.objectContaining({ reviewId: 'r-server', verdict: 'fail' }) })]);
  });

  it('puts the synced verdict back when the server refuses the new one, and keeps the reason', async () => {
    writer.apply([serverRow(review({ verdict: 'pass', note: 'ok' }), 5)], new ChangeSet());
    writes.record({ conversationId: 'c-1', verdict: 'fail', ruleId: 'agent.rude', note: '' });
    answer = (m) => ({ id: m.id, status: 'rejected', code: 'forbidden', message: 'not your team any more' });
    goOnline();
    await settled();
    expect(mine()).toMatchObject({ verdict: 'pass', note: 'ok', state: 'synced' });
    expect(outbox.list()).toEqual([expect.objectContaining({ state: 'failed', error: { code: 'forbidden', message: 'not your team any more' } })]);
  });

  it('drops a first verdict the server refused, and one it stored under another id once its row is here', async () => {
    writes.record({ conversationId: 'c-1', verdict: 'pass', ruleId: null, note: '' });
    answer = (m) => ({ id: m.id, status: 'rejected', code: 'not_found', message: 'gone' });
    goOnline();
    await settled();
    expect(mine()).toBeUndefined();

    const { reviewId } = writes.record({ conversationId: 'c-1', verdict: 'pass', ruleId: null, note: '' });
    answer = (m) => ({ id: m.id, status: 'applied', rows: [serverRow(review({ id: 'r-elsewhere' }), 9)] });
    await settled();
    expect(mine()).toMatchObject({ reviewId: 'r-elsewhere', state: 'synced' });
    expect(db.prepare("SELECT count(*) AS n FROM entities WHERE entity = 'reviews' AND id = ?").get(reviewId)).toEqual({ n: 0 });
  });
});
