export interface Coalesced {
  /** runs the task after the delay (once for the whole burst) */
  (): void;
  /** runs it at once, or right after the run in flight: for a read someone is waiting to see */
  now(): void;
  cancel(): void;
}

/**
 * Runs `task` once after a burst of calls: a first sync applies hundreds of pages, each with its
 * own event, and the lists only need reading once the burst has passed. At most one run is in
 * flight; calls during it schedule exactly one more.
 */
export function coalesce(task: () => Promise<void>, delayMs = 30): Coalesced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let cancelled = false;
  const run = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again && !cancelled) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (cancelled || timer) return;
    timer = setTimeout(() => void run(), delayMs);
  };
  schedule.now = () => {
    if (cancelled) return;
    if (timer) clearTimeout(timer);
    timer = null;
    void run();
  };
  schedule.cancel = () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
  };
  return schedule;
}
