import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemScheduler } from './scheduler';

describe('systemScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2025, 0, 6, 9, 0, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the callback at the absolute time', () => {
    const scheduler = systemScheduler();
    const fn = vi.fn();
    scheduler.at(Date.now() + 1_000, fn);
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs a time already past on the next turn', () => {
    const fn = vi.fn();
    systemScheduler().at(Date.now() - 5_000, fn);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('cancels', () => {
    const fn = vi.fn();
    const cancel = systemScheduler().at(Date.now() + 10, fn);
    cancel();
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
  });

  it('waits longer than setTimeout allows by re-arming', () => {
    const fn = vi.fn();
    const days30 = 30 * 24 * 3_600_000;
    systemScheduler().at(Date.now() + days30, fn);
    vi.advanceTimersByTime(days30 - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('follows the injected clock, not the wall clock', () => {
    let now = 0;
    const fn = vi.fn();
    systemScheduler(() => now).at(1_000, fn);
    now = 600;
    vi.advanceTimersByTime(1_000);
    // the timer woke, but by the injected clock the moment is 400 ms away: it waits again
    expect(fn).not.toHaveBeenCalled();
    now = 1_000;
    vi.advanceTimersByTime(400);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
