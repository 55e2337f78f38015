import { expect, it } from 'vitest';
import { FakeClock } from '../testing/testServer';
import { RateLimiter } from './rateLimit';

it('allows a burst of `limit`, then one event per refilled token, and says how long to wait', () => {
  const clock = new FakeClock();
  const limiter = new RateLimiter({ limit: 3, windowMs: 1000 }, clock.now);
  expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
  expect(limiter.take('a')).toBe(334);
  clock.advance(334);
  expect(limiter.take('a')).toBe(0);
  expect(limiter.take('a')).toBeGreaterThan(0);
});

it('keeps keys apart and never holds more than `limit` tokens after a quiet spell', () => {
  const clock = new FakeClock();
  const limiter = new RateLimiter({ limit: 2, windowMs: 1000 }, clock.now);
  limiter.take('a');
  limiter.take('a');
  expect(limiter.take('b')).toBe(0);
  clock.advance(60_000);
  expect([limiter.take('a'), limiter.take('a'), limiter.take('a')].map((ms) => ms > 0)).toEqual([false, false, true]);
});
