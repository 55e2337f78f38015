import type { Cancel, Scheduler } from '../scheduler';

interface Pending {
  at: number;
  order: number;
  fn: () => void;
}

/**
 * A clock and scheduler tests move by hand. Timers run in due order (ties in the order they were
 * scheduled), each with the clock set to its due time, so a callback sees the instant it was due.
 */
export class FakeScheduler implements Scheduler {
  private pending: Pending[] = [];
  private order = 0;

  constructor(public time = Date.UTC(2025, 0, 6, 9, 0, 0)) {}

  readonly now = (): number => this.time;

  at(at: number, fn: () => void): Cancel {
    const entry: Pending = { at, order: this.order++, fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((other) => other !== entry);
    };
  }

  /** Moves the clock forward by ms, running every timer that falls due on the way. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('time only moves forward');
    this.advanceTo(this.time + ms);
  }

  /** Moves the clock to the absolute time, running every timer due up to and including it. */
  advanceTo(target: number): void {
    if (target < this.time) throw new Error('time only moves forward');
    for (;;) {
      const next = this.nextDue();
      if (!next || next.at > target) break;
      this.pending = this.pending.filter((other) => other !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = target;
  }

  /** Runs the timers already due without moving the clock. */
  runDue(): void {
    this.advanceTo(this.time);
  }

  /** Due times of the timers still waiting, earliest first. */
  dueTimes(): number[] {
    return [...this.pending].sort(byDue).map((entry) => entry.at);
  }

  get size(): number {
    return this.pending.length;
  }

  private nextDue(): Pending | undefined {
    let best: Pending | undefined;
    for (const entry of this.pending) if (!best || byDue(entry, best) < 0) best = entry;
    return best;
  }
}

function byDue(a: Pending, b: Pending): number {
  return a.at - b.at || a.order - b.order;
}
