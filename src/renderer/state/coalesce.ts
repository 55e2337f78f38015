/**
 * Runs `task` once after a burst of calls: a first sync applies hundreds of pages, each with its
 * own event, and the lists only need reading once the burst has passed. At most one run is in
 * flight; calls during it schedule exactly one more.
 */
export function coalesce(task: () => Promise<void>, delayMs = 30): { (): void; cancel(): void } {
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
  schedule.cancel = () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
  };
  return schedule;
}
