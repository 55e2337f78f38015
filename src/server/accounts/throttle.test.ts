import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/testServer';
import { LoginThrottle } from './throttle';

const MINUTE = 60_000;

describe('LoginThrottle', () => {
  it('blocks a username after 5 failures within 5 minutes, and says for how long', () => {
    const clock = new FakeClock();
    const throttle = new LoginThrottle({ now: clock.now });
    for (let i = 0; i < 4; i += 1) {
      throttle.recordFailure('agent');
      clock.advance(MINUTE / 2);
    }
    expect(throttle.retryAfterMs('agent')).toBe(0);
    throttle.recordFailure('agent');
    // the first failure was 2 minutes ago; it stops counting 3 minutes from now
    expect(throttle.retryAfterMs('agent')).toBe(3 * MINUTE);
  });

  it('forgets failures older than the window', () => {
    const clock = new FakeClock();
    const throttle = new LoginThrottle({ now: clock.now });
    for (let i = 0; i < 5; i += 1) throttle.recordFailure('agent');
    clock.advance(5 * MINUTE);
    expect(throttle.retryAfterMs('agent')).toBe(0);
  });

  it('counts per username, ignoring case, and a success clears the count', () => {
    const clock = new FakeClock();
    const throttle = new LoginThrottle({ now: clock.now });
    for (let i = 0; i < 5; i += 1) throttle.recordFailure(i % 2 ? 'Agent' : 'agent');
    expect(throttle.retryAfterMs('AGENT')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('lead')).toBe(0);
    throttle.recordSuccess('agent');
    expect(throttle.retryAfterMs('agent')).toBe(0);
  });
});
