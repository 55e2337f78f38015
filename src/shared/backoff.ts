/**
 * Reconnect delay: the ceiling starts at `baseMs` and doubles per failure up to `maxMs`; the delay
 * is drawn from the upper half of it ("equal jitter"), so a thousand seats (or the windows of a
 * restarted host) that lose their peer together do not all come back at the same instant, yet
 * none retries sooner than half the ceiling. `random` returns a number in [0, 1).
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(30, Math.floor(attempt)));
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (unit * ceiling) / 2);
}
