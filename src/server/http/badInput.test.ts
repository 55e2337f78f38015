import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/auth';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

/*
 * Every route of the sync, mutation and customer APIs, fed garbage with and without credentials:
 * the answer is always a 4xx with the ApiError shape, never a 5xx, and the server keeps serving.
 */

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
});
afterAll(async () => {
  await t.stop();
});

const GARBAGE_BODIES = ['', 'null', '[]', '"text"', '42', '{', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', JSON.stringify({ a: 'x'.repeat(2_000_000) })];

const ROUTES: { method: 'GET' | 'POST'; path: string; auth: () => Record<string, string>; okBodies?: string[] }[] = [
  { method: 'GET', path: '/api/sync/pull?cursor=%00&limit=%ff', auth: () => bearer(t.tokens.p1) },
  { method: 'POST', path: '/api/mutations', auth: () => bearer(t.tokens.p1) },
  { method: 'POST', path: `/api/customers/${F.customers.c1}/reveal`, auth: () => bearer(t.tokens.leadX) },
  { method: 'POST', path: '/api/customers/%E0%A4%A/reveal', auth: () => bearer(t.tokens.leadX) },
  // No body at all is a valid "start anonymously".
  { method: 'POST', path: '/api/customer/sessions', auth: () => ({}), okBodies: ['', 'null'] },
  { method: 'POST', path: '/api/customer/messages', auth: () => bearer(F.tokens.c1) },
  { method: 'GET', path: '/api/customer/conversations/..%2F..%2Fetc/messages', auth: () => bearer(F.tokens.c1) },
];

describe('garbage in, 4xx out', () => {
  it.each(ROUTES)('$method $path', async ({ method, path, auth, okBodies = [] }) => {
    for (const withAuth of [true, false]) {
      for (const body of method === 'POST' ? GARBAGE_BODIES.filter((b) => !okBodies.includes(b)) : ['']) {
        const response = await fetch(t.url + path, {
          method,
          headers: { ...(withAuth ? auth() : { authorization: 'Bearer nonsense' }), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          body: method === 'POST' ? body : undefined,
        });
        expect(response.status, `${method} ${path} ${withAuth} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${path} ${withAuth} ${body.slice(0, 40)}`).toBeLessThan(500);
        expect(ApiErrorSchema.safeParse(await response.json()).success).toBe(true);
      }
    }
    expect((await t.get('/api/health')).status).toBe(200);
  });

  it('404 for unknown routes under the new prefixes', async () => {
    for (const path of ['/api/sync', '/api/sync/push', '/api/customer', '/api/customers/x']) {
      expect((await t.get(path, bearer(t.tokens.p1))).status).toBe(404);
    }
  });
});
