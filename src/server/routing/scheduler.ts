// Time comes in through these two seams so tests can move it by hand (ARCHITECTURE.md §4.7).

/** Milliseconds since the epoch. */
export type Now = () => number;

/** Cancels a scheduled callback; calling it after the callback ran, or twice, does nothing. */
export type Cancel = () => void;

export interface Scheduler {
  /** Runs fn once at (or as soon as possible after) the absolute time `at`, in ms since the epoch. */
  at(at: number, fn: () => void): Cancel;
}

/** Node's setTimeout cannot wait longer than this; longer waits are re-armed in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The real scheduler: setTimeout against the given clock, unref'd so it never keeps a process alive. */
export function systemScheduler(now: Now = Date.now): Scheduler {
  return {
    at(at, fn) {
      let cancelled = false;
      let timer: ReturnType<typeof setTimeout>;
      // Checks the injected clock each time the timer wakes: a wait longer than setTimeout allows,
      // or a clock that disagrees with the timer's, simply waits again.
      const arm = (): void => {
        timer = setTimeout(() => {
          if (cancelled) return;
          if (at - now() > 0) arm();
          else fn();
        }, Math.min(Math.max(0, at - now()), MAX_TIMEOUT_MS));
        timer.unref();
      };
      arm();
      return () => {
        cancelled = true;
        clearTimeout(timer);
      };
    },
  };
}
