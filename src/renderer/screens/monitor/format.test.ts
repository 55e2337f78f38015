import { describe, expect, it } from 'vitest';
import { byNumber, formatDuration, formatRate } from './format';

describe('monitor formats', () => {
  it('shows waits as m:ss, and h:mm:ss past an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows rates like the alert thresholds compare them, and unknown as a dash', () => {
    expect(formatRate(0.75)).toBe('75.0%');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
  });

  it('sorts unknown figures below every known one', () => {
    const rows = [{ v: 3 }, { v: null }, { v: 1 }];
    expect([...rows].sort(byNumber((r) => r.v)).map((r) => r.v)).toEqual([null, 1, 3]);
  });
});
