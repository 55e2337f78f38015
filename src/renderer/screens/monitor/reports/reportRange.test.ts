import { describe, expect, it } from 'vitest';
import { daysRange, presetRange } from './reportRange';

describe('report ranges', () => {
  // 2026-11-23 17:30 UTC is 2026-11-24 01:30 in Beijing: "today" is already the 24th there
  const now = Date.UTC(2026, 10, 23, 17, 30);

  it('takes today and the last 7 days as whole China Standard Time days up to the end of today', () => {
    expect(presetRange('today', now)).toEqual({ from: Date.UTC(2026, 10, 23, 16), to: Date.UTC(2026, 10, 24, 16) });
    expect(presetRange('last7', now)).toEqual({ from: Date.UTC(2026, 10, 17, 16), to: Date.UTC(2026, 10, 24, 16) });
  });

  it('includes both picked days', () => {
    expect(daysRange('2026-11-01', '2026-11-01')).toEqual({ from: Date.UTC(2026, 9, 31, 16), to: Date.UTC(2026, 10, 1, 16) });
    expect(daysRange('2026-11-01', '2026-11-30').to - daysRange('2026-11-01', '2026-11-30').from).toBe(30 * 24 * 3600_000);
  });
});
