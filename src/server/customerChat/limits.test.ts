import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/auth';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';
import { openCollector } from '../testing/wsClient';
import { DEFAULT_CUSTOMER_RATE_LIMITS } from './limits';

/** Small limits over a long window, so nothing refills while a test runs. */
const MINUTE = 60_000;
let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer({
    customerRateLimits: {
      ...DEFAULT_CUSTOMER_RATE_LIMITS,
      sessionsPerIp: { limit: 3, windowMs: MINUTE },
      messagesPerSession: { limit: 2, windowMs: MINUTE },
      messagesPerIp: { limit: 5, windowMs: MINUTE },
      framesPerSession: { limit: 2, windowMs: MINUTE },
    },
  });
});
afterAll(async () => {
  await t.stop();
});

const say = (token: string, text: string) => t.post('/api/customer/messages', { queueId: F.queueX, text }, bearer(token));

/** The 429 body and the Retry-After header in seconds. */
async function tooMany(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  expect(ApiErrorSchema.parse(await response.json()).error).toBe('too_many_requests');
  return Number(response.headers.get('retry-after'));
}

describe('customer rate limits', () => {
  it('refuses sessions past the per-IP limit with 429 and a Retry-After in seconds', async () => {
    for (let i = 0; i < 3; i += 1) expect((await t.post('/api/customer/sessions', {})).status).toBe(200);
    const retryAfter = await tooMany(await t.post('/api/customer/sessions', {}));
    // 3 a minute: the next token is 20 s away.
    expect(retryAfter).toBeGreaterThanOrEqual(19);
    expect(retryAfter).toBeLessThanOrEqual(20);
  });

  it('limits messages per session, then per IP address, and stores none of the refused ones', async () => {
    const one = await say(F.tokens.c1, 'one');
    expect(one.status).toBe(200);
    expect((await say(F.tokens.c1, 'two')).status).toBe(200);
    // 2 a minute per session: the next is 30 s away.
    expect(await tooMany(await say(F.tokens.c1, 'three'))).toBe(30);
    // Other customers at the same address have their own allowance until the address's 5 are used.
    expect((await say(F.tokens.c2, 'a')).status).toBe(200);
    expect((await say(F.tokens.c2, 'b')).status).toBe(200);
    expect((await say(F.tokens.c3, 'c')).status).toBe(200);
    expect(await tooMany(await say(F.tokens.c3, 'd'))).toBe(12);

    const { conversationId } = (await one.json()) as { conversationId: string };
    const stored = await t.get(`/api/customer/conversations/${conversationId}/messages`, bearer(F.tokens.c1));
    const bodies = ((await stored.json()) as { messages: { body: string }[] }).messages.map((m) => m.body);
    expect(bodies).toContain('two');
    expect(bodies).not.toContain('three');
  });

  it('answers a customer socket that sends frames too fast with an error frame and keeps it open', async () => {
    const socket = await openCollector(t.url, F.tokens.c3, '/api/customer/ws');
    try {
      const frame = { t: 'typing', conversationId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', typing: true };
      for (let i = 0; i < 3; i += 1) socket.send(frame);
      const refused = await socket.next((f) => f.t === 'error' && f.error === 'too_many_requests');
      expect(refused.message).toBe('too many frames, slow down');
      expect(socket.socket.readyState).toBe(socket.socket.OPEN);
    } finally {
      await socket.close();
    }
  });
});
