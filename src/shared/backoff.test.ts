import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5_000;
const reconnectDelay = (failures: number, random: () => number) =>
  backoffDelay(failures, { baseMs: RECONNECT_FIRST_MS, maxMs: RECONNECT_MAX_MS }, random);

describe('backoffDelay', () => {
  it('starts at 250 ms and doubles per failure', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4].map((n) => reconnectDelay(n, top))).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('never waits more than 5 s, however many failures', () => {
    expect(reconnectDelay(5, () => 1)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelay(1_000, () => 0.999)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
  });

  it('draws from the upper half of the ceiling so windows do not retry in lockstep', () => {
    expect(reconnectDelay(0, () => 0)).toBe(RECONNECT_FIRST_MS / 2);
    expect(reconnectDelay(3, () => 0)).toBe(1000);
    expect(reconnectDelay(3, () => 0.5)).toBe(1500);
    expect(reconnectDelay(10, () => 0)).toBe(RECONNECT_MAX_MS / 2);
  });

  it('treats odd inputs as the first retry and clamps the random draw', () => {
    expect(reconnectDelay(-3, () => 1)).toBe(RECONNECT_FIRST_MS);
    expect(reconnectDelay(0, () => 7)).toBe(RECONNECT_FIRST_MS);
  });
});
