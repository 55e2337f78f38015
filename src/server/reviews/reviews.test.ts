import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewSetPageSchema, type ReviewSetPage } from '../../shared/api/reviews';
import { ReviewSchema, type Review } from '../../shared/domain/reviews';
import { hashPassword } from '../accounts/passwords';
import { F, FIXTURE_PASSWORD, type FixtureUser } from '../testing/fixtures';
import { idsOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

// Conversation reviews over the real server: who may record a verdict, one row per reviewer and
// conversation, who receives them, and the scoped bulk download of a review set.

let t: FixtureServer;
let inX: string;
let inX2: string;
let inA: string;
let inB: string;
let leadA: string;
const day = { from: 0, to: 0 };

async function reviewsSeenBy(token: string): Promise<Review[]> {
  return (await t.pullAll(token)).rows.filter((r) => r.entity === 'reviews').map((r) => ReviewSchema.parse(r.data));
}
const tokenOf = (user: FixtureUser) => t.tokens[user];

async function setPage(token: string, query: string): Promise<ReviewSetPage> {
  const response = await t.get(`/api/review/set?${query}`, bearer(token));
  expect(response.status, await response.clone().text()).toBe(200);
  return ReviewSetPageSchema.parse(await response.json());
}

beforeAll(async () => {
  t = await startFixtureServer();
  day.from = t.clock.time - 1;
  inX = (await t.customerSays('c1', F.queueX, '你们这是诈骗吧')).conversationId;
  t.clock.advance(1000);
  inX2 = (await t.customerSays('c2', F.queueX, '我要退款')).conversationId;
  inA = (await t.customerSays('c3', F.queueA, '这是假货吗')).conversationId;
  inB = (await t.customerSays('c4', F.queueB, '发货了吗')).conversationId;
  day.to = t.clock.time + 1;
  await t.apply('p1', 'conversations.accept', { conversationId: inX });
  await t.apply('p1', 'messages.send', { conversationId: inX, text: '您好，马上为您处理' });
  // A merchant lead of shop A.
  const { domain, accountsStore } = t.internals;
  accountsStore.insertUsers([
    { id: 'u-leada', username: 'leada', displayName: 'Lead A', role: 'lead', teamKind: 'merchant', passwordHash: await hashPassword(FIXTURE_PASSWORD), createdAt: t.clock.time },
  ]);
  domain.writer.write((tx) => {
    domain.org.setSeatProfile(tx, 'u-leada', { shopId: F.shopA, skills: [], maxConcurrent: 5 });
    domain.org.addTeamMember(tx, F.teamA, 'u-leada');
  });
  leadA = (await t.login('leada', FIXTURE_PASSWORD)).token;
});
afterAll(async () => {
  await t.stop();
});

describe('reviews.record', () => {
  it('records a lead’s fail verdict with the rule and note, as a synced row', async () => {
    const rows = await t.apply('leadX', 'reviews.record', { conversationId: inX, verdict: 'fail', ruleId: 'agent.rushing', note: '催促客户' });
    expect(rows.map((r) => r.entity)).toEqual(['reviews']);
    expect(ReviewSchema.parse(rows[0]!.data)).toMatchObject({
      conversationId: inX,
      reviewerId: F.users.leadX,
      verdict: 'fail',
      ruleId: 'agent.rushing',
      note: '催促客户',
    });
  });

  it('replaces the same reviewer’s earlier verdict: one row, same id, newer seq', async () => {
    const first = (await reviewsSeenBy(tokenOf('leadX'))).find((r) => r.conversationId === inX)!;
    const [row] = await t.apply('leadX', 'reviews.record', { conversationId: inX, verdict: 'pass', reviewId: 'another-id' });
    expect(row).toMatchObject({ id: first.id, data: { verdict: 'pass', ruleId: null, note: '' } });
    const mine = (await reviewsSeenBy(tokenOf('leadX'))).filter((r) => r.conversationId === inX);
    expect(mine).toHaveLength(1);
  });

  it('applies a repeated mutation id once', async () => {
    const before = t.internals.domain.sync.serverSeq();
    const once = await t.act('admin', 'reviews.record', { conversationId: inX2, verdict: 'pass' }, 'review-mutation-1');
    const again = await t.act('admin', 'reviews.record', { conversationId: inX2, verdict: 'fail', ruleId: 'agent.rude' }, 'review-mutation-1');
    expect(again).toEqual(once);
    expect(t.internals.domain.sync.serverSeq()).toBe(before + 1);
  });

  it('forbids agents, and hides conversations outside the reviewer’s scope', async () => {
    expect(await t.act('p1', 'reviews.record', { conversationId: inX, verdict: 'pass' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('leadY', 'reviews.record', { conversationId: inX, verdict: 'pass' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('leadX', 'reviews.record', { conversationId: 'nope', verdict: 'pass' })).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it('answers bad verdicts with invalid_args naming the field', async () => {
    const noRule = await t.act('leadX', 'reviews.record', { conversationId: inX, verdict: 'fail' });
    expect(noRule).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    expect(noRule.status === 'rejected' && noRule.message).toMatch(/ruleId/);
    const unknownRule = await t.act('leadX', 'reviews.record', { conversationId: inX, verdict: 'fail', ruleId: 'agent.made_up' });
    expect(unknownRule.status === 'rejected' && unknownRule.message).toMatch(/ruleId/);
    const badVerdict = await t.act('leadX', 'reviews.record', { conversationId: inX, verdict: 'maybe' });
    expect(badVerdict.status === 'rejected' && badVerdict.message).toMatch(/verdict/);
  });

  it('refuses a first verdict under an id another review holds', async () => {
    const taken = (await reviewsSeenBy(tokenOf('leadX'))).find((r) => r.conversationId === inX)!.id;
    const result = await t.act('admin', 'reviews.record', { conversationId: inA, verdict: 'pass', reviewId: taken });
    expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
  });
});

describe('review scope', () => {
  it('reaches the reviewer, the leads of the conversation’s team and admins; never agents or other teams', async () => {
    await t.apply('admin', 'reviews.record', { conversationId: inX, verdict: 'fail', ruleId: 'agent.rude' });
    expect((await reviewsSeenBy(tokenOf('leadX'))).map((r) => r.reviewerId).sort()).toEqual([F.users.admin, F.users.admin, F.users.leadX].sort());
    expect(await reviewsSeenBy(tokenOf('p1'))).toEqual([]);
    expect(await reviewsSeenBy(tokenOf('leadY'))).toEqual([]);
    expect((await reviewsSeenBy(tokenOf('admin'))).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a merchant lead to their own shop’s reviews', async () => {
    await t.apply('admin', 'reviews.record', { conversationId: inB, verdict: 'fail', ruleId: 'agent.blame' });
    expect((await t.mutate(leadA, 'client-leada', [{ id: 'ra-1', name: 'reviews.record', args: { conversationId: inA, verdict: 'pass' } }])).results[0]).toMatchObject({
      status: 'applied',
    });
    expect((await t.mutate(leadA, 'client-leada', [{ id: 'ra-2', name: 'reviews.record', args: { conversationId: inB, verdict: 'pass' } }])).results[0]).toMatchObject({
      status: 'rejected',
      code: 'not_found',
    });
    // The admin's verdict on shop B's chat exists, but shop A's lead receives only shop A's.
    expect((await reviewsSeenBy(tokenOf('admin'))).some((r) => r.conversationId === inB)).toBe(true);
    expect((await reviewsSeenBy(leadA)).map((r) => r.conversationId)).toEqual([inA]);
  });
});

describe('GET /api/review/set', () => {
  it('holds a queue’s day: its conversations with customers, messages, QC flags and reviews, and the set’s size', async () => {
    const page = await setPage(tokenOf('leadX'), `queueId=${F.queueX}&from=${day.from}&to=${day.to}`);
    expect(page.conversationIds).toEqual([inX, inX2]);
    expect(idsOf(page.rows, 'conversations')).toEqual([inX, inX2].sort());
    expect(idsOf(page.rows, 'customers')).toEqual([F.customers.c1, F.customers.c2].sort());
    expect(page.rows.filter((r) => r.entity === 'messages').map((r) => r.data.body)).toEqual(expect.arrayContaining(['你们这是诈骗吧', '我要退款', '您好，马上为您处理']));
    expect(page.rows.some((r) => r.entity === 'qc_flags' && r.data.conversationId === inX)).toBe(true);
    expect(page.rows.filter((r) => r.entity === 'reviews').length).toBeGreaterThanOrEqual(2);
    expect(page.total).toEqual({ conversations: 2, rows: page.rows.length });
    expect(page.next).toBeNull();
    // Parents first: every message comes after its conversation.
    const firstMessage = page.rows.findIndex((r) => r.entity === 'messages');
    expect(page.rows.slice(firstMessage).some((r) => r.entity === 'conversations')).toBe(false);
  });

  it('pages by conversation, in creation order, with the size on the first page only', async () => {
    const first = await setPage(tokenOf('leadX'), `queueId=${F.queueX}&from=${day.from}&to=${day.to}&limit=1`);
    expect(first.conversationIds).toEqual([inX]);
    expect(first.next).not.toBeNull();
    const second = await setPage(tokenOf('leadX'), `queueId=${F.queueX}&from=${day.from}&to=${day.to}&limit=1&afterCreatedAt=${first.next!.afterCreatedAt}&afterId=${first.next!.afterId}`);
    expect(second.conversationIds).toEqual([inX2]);
    expect(second).toMatchObject({ next: null, total: null });
  });

  it('is scoped: another team’s lead and an agent of other chats get nothing, a merchant lead only their shop', async () => {
    expect((await setPage(tokenOf('leadY'), `queueId=${F.queueX}&from=${day.from}&to=${day.to}`)).rows).toEqual([]);
    expect((await setPage(tokenOf('p2'), `from=${day.from}&to=${day.to}`)).rows).toEqual([]);
    expect((await setPage(leadA, `shopId=${F.shopB}&from=${day.from}&to=${day.to}`)).conversationIds).toEqual([]);
    const own = await setPage(leadA, `from=${day.from}&to=${day.to}`);
    expect(own.conversationIds).toEqual([inA]);
    expect(own.rows.every((r) => r.entity !== 'reviews' || r.data.conversationId === inA)).toBe(true);
  });

  it('narrows by agent', async () => {
    expect((await setPage(tokenOf('admin'), `agentId=${F.users.p1}&from=${day.from}&to=${day.to}`)).conversationIds).toEqual([inX]);
  });

  it('answers a bad query with 400 naming the field', async () => {
    const bad = async (query: string) => {
      const response = await t.get(`/api/review/set?${query}`, bearer(tokenOf('leadX')));
      expect(response.status).toBe(400);
      return ((await response.json()) as { message: string }).message;
    };
    expect(await bad(`from=${day.to}&to=${day.from}`)).toMatch(/to/);
    expect(await bad('from=x&to=1')).toMatch(/from/);
    expect(await bad('from=0&to=1&limit=0')).toMatch(/limit/);
    expect(await bad('from=0&to=1&afterId=x')).toMatch(/afterId/);
    expect(await bad('from=0&to=1&planet=mars')).toMatch(/planet/);
    expect((await t.get('/api/review/set?from=0&to=1')).status).toBe(401);
  });
});
