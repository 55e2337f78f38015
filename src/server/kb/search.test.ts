import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KbSearchResponseSchema, type KbSearchResponse } from '../../shared/api/kb';
import type { KbArticle } from '../../shared/domain/kb';
import { openSqlite } from '../db/sqlite';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { F, type FixtureUser } from '../testing/fixtures';
import { bearer } from '../testing/testServer';

// KB search over the real HTTP API: segmented FTS5 index, bm25 with the title weighted, scoped.

let t: FixtureServer;

const article = (id: string, title: string, body: string, teamIds: string[], shopId: string | null = null): KbArticle => ({
  id,
  title,
  body,
  category: 'faq',
  tags: [],
  keywords: [],
  questions: [],
  teamIds,
  shopId,
  updatedAt: 1,
});

beforeAll(async () => {
  t = await startFixtureServer();
  const { writer, kb } = t.internals.domain;
  writer.write((tx) => {
    kb.insertArticle(tx, article('kb-s-body', '售后服务说明', '商品签收后七天内可以申请售后，如需退款请先联系商家。', [F.teamX]));
    kb.insertArticle(tx, article('kb-s-title', '退款规则', 'Refunds go back to the original payment method.', [F.teamX]));
    kb.insertArticle(tx, article('kb-s-password', '忘记密码怎么办', '在登录页点击忘记密码，用手机验证码重置。', [F.teamX]));
    kb.insertArticle(tx, article('kb-s-shop-a', 'A店退款须知', 'A店的退款说明。', [F.teamA], F.shopA));
    kb.insertArticle(tx, article('kb-s-shop-b', 'B店退款须知', 'B店的退款说明。', [F.teamB], F.shopB));
  });
});

afterAll(() => t.stop());

async function search(user: FixtureUser, q: string, limit?: number): Promise<KbSearchResponse['hits']> {
  const params = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
  const response = await t.get(`/api/kb/search?${params}`, bearer(t.tokens[user]));
  expect(response.status).toBe(200);
  return KbSearchResponseSchema.parse(await response.json()).hits;
}
const ids = (hits: KbSearchResponse['hits']) => hits.map((h) => h.articleId);

describe('GET /api/kb/search', () => {
  it('finds a 2-character Chinese word, and ranks the article with it in the title first', async () => {
    const hits = await search('p1', '退款');
    expect(ids(hits)).toEqual(['kb-s-title', 'kb-s-body']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.highlights.title).toEqual([{ start: 0, end: 2 }]);
    const at = '商品签收后七天内可以申请售后，如需退款请先联系商家。'.indexOf('退款');
    expect(hits[1]!.highlights.body).toEqual([{ start: at, end: at + 2 }]);
    expect(ids(await search('p1', '密码'))).toEqual(['kb-s-password']);
  });

  it('finds English words by prefix and case-insensitively, and nothing for a non-substring', async () => {
    expect(ids(await search('p1', 'REFUND'))).toEqual(['kb-s-title']);
    expect(ids(await search('p1', 'payment method'))).toEqual(['kb-s-title']);
    expect(await search('p1', '退款密码')).toEqual([]);
    expect(await search('p1', '"*^')).toEqual([]);
  });

  it("never returns another shop's article to a merchant agent, nor platform-internal ones", async () => {
    expect(ids(await search('mA', '退款'))).toEqual(['kb-s-shop-a']);
    expect(ids(await search('mB', '退款'))).toEqual(['kb-s-shop-b']);
    // The fixture's own articles ("body of …"): each sees their shop's plus the public one.
    expect(ids(await search('mA', 'body')).sort()).toEqual([F.kb.a, F.kb.publicAll].sort());
    expect(ids(await search('p2', 'body')).sort()).toEqual([F.kb.publicAll, F.kb.y].sort());
    expect(ids(await search('admin', '退款')).sort()).toEqual(['kb-s-body', 'kb-s-shop-a', 'kb-s-shop-b', 'kb-s-title']);
  });

  it("gives the bot of a queue only the articles of the queue's teams and its shop", () => {
    const { kb } = t.internals.domain;
    const inQueue = (queueId: string) => kb.search('退款说明', { queueId }, 10, 'any').map((h) => h.articleId).sort();
    expect(inQueue(F.queueA)).toEqual(['kb-s-shop-a']);
    expect(inQueue(F.queueB)).toEqual(['kb-s-shop-b']);
    expect(inQueue(F.queueX)).toEqual(['kb-s-body', 'kb-s-title']);
    expect(inQueue(F.queueY)).toEqual([]);
  });

  it('follows edits and deletes made through kb.upsert / kb.delete', async () => {
    await t.apply('leadX', 'kb.upsert', { ...article('kb-s-password', '重置登录口令', '用手机验证码重置口令。', [F.teamX]), updatedAt: undefined, shopId: undefined });
    expect(ids(await search('p1', '密码'))).toEqual([]);
    expect(ids(await search('p1', '口令'))).toEqual(['kb-s-password']);

    await t.apply('leadX', 'kb.delete', { id: 'kb-s-password' });
    expect(await search('p1', '口令')).toEqual([]);
    const tombstone = (await t.everything('p1')).rows.find((r) => r.entity === 'kb' && r.id === 'kb-s-password');
    expect(tombstone?.deleted).toBe(true);
  });

  it('lets only leads and admins change articles, and only their own side', async () => {
    expect(await t.act('p1', 'kb.delete', { id: 'kb-s-title' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('leadY', 'kb.delete', { id: 'kb-s-title' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('leadX', 'kb.upsert', { id: 'kb-new', title: 'x', body: 'y', teamIds: [F.teamY] })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('leadX', 'kb.upsert', { id: 'kb-new', title: '', body: 'y' })).toMatchObject({ status: 'rejected', code: 'invalid_args', message: expect.stringContaining('title') });
  });

  it('answers bad queries with 400 naming the field, and strangers with 401', async () => {
    const missing = await t.get('/api/kb/search', bearer(t.tokens.p1));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('q');
    const zero = await t.get('/api/kb/search?q=x&limit=0', bearer(t.tokens.p1));
    expect(zero.status).toBe(400);
    expect(await zero.text()).toContain('limit');
    expect((await t.get('/api/kb/search?q=x&sort=1', bearer(t.tokens.p1))).status).toBe(400);
    expect((await t.get('/api/kb/search?q=x')).status).toBe(401);
  });

  it('rebuilds an index that lost its rows (a database from before the index) when asked at start-up', async () => {
    const db = openSqlite(join(t.dataDir, 'server.db'));
    try {
      db.prepare('DELETE FROM kb_search').run();
    } finally {
      db.close();
    }
    expect(await search('p1', '退款')).toEqual([]);
    const live = (await t.everything('admin')).rows.filter((r) => r.entity === 'kb' && !r.deleted).length;
    expect(t.internals.domain.kb.reindexIfStale()).toBe(live);
    expect(t.internals.domain.kb.reindexIfStale()).toBe(0);
    expect(ids(await search('p1', '退款'))).toEqual(['kb-s-title', 'kb-s-body']);
  });
});
