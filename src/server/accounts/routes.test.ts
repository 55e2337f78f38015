import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorSchema, LoginResponseSchema, MeResponseSchema } from '../../shared/api/auth';
import { DEMO_PASSWORD } from '../demo/seed';
import { bearer, startTestServer, type TestServer } from '../testing/testServer';

const HOUR = 3_600_000;

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.stop();
});

async function expectError(response: Response, status: number, error: string): Promise<void> {
  expect(response.status).toBe(status);
  const body = ApiErrorSchema.parse(await response.json());
  expect(body.error).toBe(error);
  expect(body.message.length).toBeGreaterThan(0);
}

describe('POST /api/auth/login', () => {
  it('signs a demo agent in and returns a token, expiry and the user', async () => {
    const response = await t.post('/api/auth/login', { username: 'agent', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    const body = LoginResponseSchema.parse(await response.json());
    expect(body.user).toMatchObject({ username: 'agent', displayName: '李小满', role: 'agent', teamKind: 'platform' });
    expect(body.expiresAt).toBe(t.clock.time + 12 * HOUR);
    expect(Object.keys(body.user).sort()).toEqual(['displayName', 'id', 'role', 'teamKind', 'username']);
  });

  it('ignores the case of the username', async () => {
    const body = await t.login('Lead');
    expect(body.user.username).toBe('lead');
  });

  it('answers 401 invalid_credentials for a wrong password', async () => {
    await expectError(await t.post('/api/auth/login', { username: 'agent', password: 'nope' }), 401, 'invalid_credentials');
  });

  it('answers 401 invalid_credentials for an unknown user, same message as a wrong password', async () => {
    const unknown = await t.post('/api/auth/login', { username: 'ghost', password: DEMO_PASSWORD });
    const wrong = await t.post('/api/auth/login', { username: 'agent', password: 'nope' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('answers 400 invalid_request for a bad body', async () => {
    await expectError(await t.post('/api/auth/login', { username: 'agent' }), 400, 'invalid_request');
    await expectError(await t.post('/api/auth/login', { username: '', password: 'x' }), 400, 'invalid_request');
    await expectError(await t.post('/api/auth/login', 'username=agent'), 400, 'invalid_request');
    await expectError(
      await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' }),
      400,
      'invalid_request',
    );
  });

  it('does not echo the password in a validation error', async () => {
    const response = await t.post('/api/auth/login', { username: 'agent', password: 'secret-pw'.repeat(40) });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('secret-pw');
  });

  it('throttles: after 5 failures in 5 minutes even the right password gets 429, until the window passes', async () => {
    for (let i = 0; i < 5; i += 1) {
      await expectError(await t.post('/api/auth/login', { username: 'agent', password: 'wrong' }), 401, 'invalid_credentials');
      t.clock.advance(30_000);
    }
    const blocked = await t.post('/api/auth/login', { username: 'agent', password: DEMO_PASSWORD });
    expect(blocked.headers.get('retry-after')).toBe(String(5 * 60 - 5 * 30));
    await expectError(blocked, 429, 'too_many_attempts');

    // another account is not affected
    expect((await t.login('lead')).user.username).toBe('lead');

    t.clock.advance(5 * 60_000);
    expect((await t.login('agent')).user.username).toBe('agent');
  });

  it('throttles a burst of parallel guesses too: at most 5 are checked', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.post('/api/auth/login', { username: 'agent', password: 'wrong' })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });
});

describe('GET /api/me', () => {
  it('returns the user and expiry for a valid token', async () => {
    const login = await t.login('shop');
    const response = await t.get('/api/me', bearer(login.token));
    expect(response.status).toBe(200);
    expect(MeResponseSchema.parse(await response.json())).toEqual({ user: login.user, expiresAt: login.expiresAt });
  });

  it('answers 401 unauthenticated without a token or with an unknown one', async () => {
    await expectError(await t.get('/api/me'), 401, 'unauthenticated');
    await expectError(await t.get('/api/me', bearer('x'.repeat(43))), 401, 'unauthenticated');
    await expectError(await t.get('/api/me', { authorization: 'Basic YWdlbnQ6c2VhdGRlc2s=' }), 401, 'unauthenticated');
  });

  it('answers 401 once the token has expired', async () => {
    const login = await t.login();
    t.clock.advance(12 * HOUR - 1);
    expect((await t.get('/api/me', bearer(login.token))).status).toBe(200);
    t.clock.advance(1);
    await expectError(await t.get('/api/me', bearer(login.token)), 401, 'unauthenticated');
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 204 and revokes only that token', async () => {
    const first = await t.login();
    const second = await t.login();
    const response = await t.post('/api/auth/logout', undefined, bearer(first.token));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    await expectError(await t.get('/api/me', bearer(first.token)), 401, 'unauthenticated');
    expect((await t.get('/api/me', bearer(second.token))).status).toBe(200);
  });

  it('answers 401 for a missing or already revoked token', async () => {
    await expectError(await t.post('/api/auth/logout', undefined), 401, 'unauthenticated');
    const login = await t.login();
    await t.post('/api/auth/logout', undefined, bearer(login.token));
    await expectError(await t.post('/api/auth/logout', undefined, bearer(login.token)), 401, 'unauthenticated');
  });
});

it('honours a configured session TTL', async () => {
  const short = await startTestServer({ sessionTtlMs: 60_000 });
  try {
    const login = await short.login();
    expect(login.expiresAt).toBe(short.clock.time + 60_000);
  } finally {
    await short.stop();
  }
});
