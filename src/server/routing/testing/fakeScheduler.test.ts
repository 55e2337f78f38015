import { describe, expect, it } from 'vitest';
import { FakeScheduler } from './fakeScheduler';

describe('FakeScheduler', () => {
  it('runs timers in due order, each at its own due time', () => {
    const clock = new FakeScheduler(1_000);
    const seen: [string, number][] = [];
    clock.at(1_300, () => seen.push(['late', clock.now()]));
    clock.at(1_100, () => seen.push(['early', clock.now()]));
    clock.at(1_100, () => seen.push(['early-second', clock.now()]));
    clock.advance(250);
    expect(seen).toEqual([
      ['early', 1_100],
      ['early-second', 1_100],
    ]);
    expect(clock.now()).toBe(1_250);
    clock.advance(50);
    expect(seen.at(-1)).toEqual(['late', 1_300]);
  });

  it('runs a timer due exactly at the target, not one a millisecond later', () => {
    const clock = new FakeScheduler(0);
    const seen: number[] = [];
    clock.at(100, () => seen.push(100));
    clock.at(101, () => seen.push(101));
    clock.advanceTo(100);
    expect(seen).toEqual([100]);
  });

  it('cancels, and cancelling twice or after running is harmless', () => {
    const clock = new FakeScheduler(0);
    let runs = 0;
    const cancel = clock.at(10, () => runs++);
    cancel();
    cancel();
    clock.advance(20);
    expect(runs).toBe(0);
    const ran = clock.at(30, () => runs++);
    clock.advance(20);
    ran();
    expect(runs).toBe(1);
    expect(clock.size).toBe(0);
  });

  it('runs timers scheduled by timers when they fall inside the same advance', () => {
    const clock = new FakeScheduler(0);
    const seen: number[] = [];
    clock.at(10, () => clock.at(15, () => seen.push(clock.now())));
    clock.advance(20);
    expect(seen).toEqual([15]);
  });

  it('runs a timer scheduled in the past at the current time', () => {
    const clock = new FakeScheduler(500);
    const seen: number[] = [];
    clock.at(100, () => seen.push(clock.now()));
    expect(clock.dueTimes()).toEqual([100]);
    clock.runDue();
    expect(seen).toEqual([500]);
  });

  it('refuses to move backwards', () => {
    const clock = new FakeScheduler(500);
    expect(() => clock.advance(-1)).toThrow();
    expect(() => clock.advanceTo(499)).toThrow();
  });
});
