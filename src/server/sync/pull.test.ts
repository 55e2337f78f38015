import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/auth';
import { SYNC_CURSOR_HEADER, SYNC_HAS_MORE_HEADER, type SyncRow } from '../../shared/api/sync';
import { F } from '../testing/fixtures';
import { keysOf, startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';
import { openCollector } from '../testing/wsClient';

let t: FixtureServer;
let conversationId: string;
beforeAll(async () => {
  t = await startFixtureServer();
  conversationId = (await t.customerSays('c1', F.queueX, 'first')).conversationId;
  await t.apply('p1', 'conversations.accept', { conversationId });
  for (let i = 0; i < 5; i += 1) {
    await t.apply('p1', 'messages.send', { conversationId, text: `reply ${i}` });
    await t.customerSays('c1', F.queueX, `answer ${i}`, { conversationId });
  }
});
afterAll(async () => {
  await t.stop();
});

describe('GET /api/sync/pull paging', () => {
  it('pages through every row exactly once, in seq order, whatever the page size', async () => {
    const whole = await t.pull(t.tokens.admin, 0, 5000);
    expect(whole.hasMore).toBe(false);
    expect(whole.cursor).toBe(whole.serverSeq);
    for (const limit of [1, 7, 50]) {
      const rows: SyncRow[] = [];
      let cursor = 0;
      for (;;) {
        const page = await t.pull(t.tokens.admin, cursor, limit);
        expect(page.rows.length).toBeLessThanOrEqual(limit);
        if (page.hasMore) {
          expect(page.rows).toHaveLength(limit);
          expect(page.cursor).toBe(page.rows.at(-1)!.seq);
        }
        rows.push(...page.rows);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      expect(rows.map((r) => r.seq)).toEqual(whole.rows.map((r) => r.seq));
      expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
      expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
    }
  });

  it('repeats each page’s cursor and hasMore in headers, so the next page can be asked for before this one is parsed', async () => {
    let cursor = 0;
    for (let pages = 0; ; pages += 1) {
      const response = await t.get(`/api/sync/pull?cursor=${cursor}&limit=7`, bearer(t.tokens.admin));
      const page = (await response.json()) as { cursor: number; hasMore: boolean };
      expect(response.headers.get(SYNC_CURSOR_HEADER)).toBe(String(page.cursor));
      expect(response.headers.get(SYNC_HAS_MORE_HEADER)).toBe(String(page.hasMore));
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      cursor = Number(response.headers.get(SYNC_CURSOR_HEADER));
      if (!page.hasMore) {
        expect(pages).toBeGreaterThan(1);
        break;
      }
    }
  });

  it('answers a caller who is up to date with no rows and the same cursor', async () => {
    const { cursor, serverSeq } = await t.pull(t.tokens.p1, 0, 5000);
    expect(await t.pull(t.tokens.p1, cursor)).toEqual({ rows: [], cursor, hasMore: false, serverSeq });
  });

  it('moves the cursor past rows the caller may not see, so they are not scanned again', async () => {
    const before = await t.pull(t.tokens.p2, 0, 5000);
    await t.customerSays('c2', F.queueA, 'shop A business'); // nothing p2 may see
    const after = await t.pull(t.tokens.p2, before.cursor);
    expect(after.rows).toEqual([]);
    expect(after.cursor).toBe(after.serverSeq);
    expect(after.serverSeq).toBeGreaterThan(before.serverSeq);
  });

  it('sends deletions as tombstones, through pull and push', async () => {
    const socket = await openCollector(t.url, t.tokens.p1);
    const { cursor } = await t.pull(t.tokens.p1, 0, 5000);
    t.internals.domain.writer.write((tx) => t.internals.domain.rows.tombstone(tx, 'canned', F.canned.x));
    const page = await t.pull(t.tokens.p1, cursor);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ entity: 'canned', id: F.canned.x, deleted: true, data: { id: F.canned.x } });
    const frame = await socket.next((f) => f.t === 'rows');
    expect(keysOf(frame.rows as SyncRow[])).toEqual([`canned:${F.canned.x}`]);
    expect((frame.rows as SyncRow[])[0]!.deleted).toBe(true);
    await socket.close();
  });

  it('serves rows that match the shared data schemas', async () => {
    const { ENTITY_DATA_SCHEMAS } = await import('../../shared/api/sync');
    for (const row of (await t.pull(t.tokens.admin, 0, 5000)).rows) {
      const schema = ENTITY_DATA_SCHEMAS[row.entity as keyof typeof ENTITY_DATA_SCHEMAS];
      expect(schema.safeParse(row.data).success, `${row.entity} ${row.id}`).toBe(true);
    }
  });
});

describe('GET /api/sync/pull bad input', () => {
  it.each([
    ['cursor=-1', 'cursor'],
    ['cursor=abc', 'cursor'],
    ['cursor=1.5', 'cursor'],
    ['limit=0', 'limit'],
    ['limit=5001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=0&since=3', 'since'],
  ])('%s → 400 naming %s', async (query, field) => {
    const response = await t.get(`/api/sync/pull?${query}`, bearer(t.tokens.p1));
    expect(response.status).toBe(400);
    const body = ApiErrorSchema.parse(await response.json());
    expect(body.error).toBe('invalid_request');
    expect(body.message).toContain(field);
  });

  it('401 without a token, with a bad one, and with a customer token', async () => {
    expect((await t.get('/api/sync/pull')).status).toBe(401);
    expect((await t.get('/api/sync/pull', bearer('x'.repeat(43)))).status).toBe(401);
    expect((await t.get('/api/sync/pull', bearer(F.tokens.c1))).status).toBe(401);
  });
});
