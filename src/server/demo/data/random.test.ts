import { describe, expect, it } from 'vitest';
import { createRng, hashString } from './random';

describe('createRng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const draw = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('stays within [0, 1) and covers integer ranges inclusively', () => {
    const r = createRng('range');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      seen.add(r.int(3, 7));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('forks streams from the seed and label, not from how much was drawn', () => {
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork('kb').next()).toBe(b.fork('kb').next());
    expect(a.fork('kb').next()).not.toBe(a.fork('history').next());
  });

  it('shuffles into a permutation without touching the input, and samples distinct items', () => {
    const r = createRng(1);
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = r.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...out].sort()).toEqual(input);
    const picked = r.sample(input, 3);
    expect(new Set(picked).size).toBe(3);
    expect(r.sample(input, 20)).toHaveLength(8);
  });

  it('picks by weight and never picks a zero weight', () => {
    const r = createRng(5);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) counts[r.weighted([['a', 3], ['b', 1], ['c', 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.7);
  });

  it('rejects empty picks, bad ranges and zero total weight', () => {
    const r = createRng(0);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.int(5, 4)).toThrow(RangeError);
    expect(() => r.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('hashes strings to 32-bit unsigned values', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('seatdesk')).toBe(hashString('seatdesk'));
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});
