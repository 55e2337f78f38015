import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_AT_HALF_CONFIDENCE, saturatingConfidence } from './confidence';

describe('saturatingConfidence', () => {
  it('maps the half-point to 0.5, twice it to 0.667 and four times to 0.8', () => {
    const h = DEFAULT_SCORE_AT_HALF_CONFIDENCE;
    expect(saturatingConfidence(h)).toBe(0.5);
    expect(saturatingConfidence(2 * h)).toBe(0.667);
    expect(saturatingConfidence(4 * h)).toBe(0.8);
  });

  it('puts one distinctive bm25 term below the default threshold and two above it', () => {
    expect(saturatingConfidence(3.6)).toBeLessThan(0.55);
    expect(saturatingConfidence(7.2)).toBeGreaterThan(0.55);
  });

  it('is 0 for no, negative or non-finite scores, and below 1 for any finite score', () => {
    expect(saturatingConfidence(0)).toBe(0);
    expect(saturatingConfidence(-3)).toBe(0);
    expect(saturatingConfidence(Number.NaN)).toBe(0);
    expect(saturatingConfidence(1e6)).toBeLessThanOrEqual(1);
  });

  it('never decreases as the score grows', () => {
    let last = 0;
    for (let s = 0; s <= 100; s += 0.25) {
      const c = saturatingConfidence(s);
      expect(c).toBeGreaterThanOrEqual(last);
      last = c;
    }
  });

  it('scales with the configured half-point', () => {
    expect(saturatingConfidence(10, 10)).toBe(0.5);
    expect(() => saturatingConfidence(1, 0)).toThrow(RangeError);
  });
});
