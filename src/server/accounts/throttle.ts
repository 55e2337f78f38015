/**
 * Counts failed logins per username in a sliding window, so password guessing against one
 * account is slowed to a few tries per window. Kept in memory: a restart forgives, which is
 * acceptable for a throttle (it is not an audit trail).
 */
export interface LoginThrottleOptions {
  now: () => number;
  maxFailures?: number;
  windowMs?: number;
}

/** When usernames tracked exceed this, stale entries are swept so random names cannot fill memory. */
const SWEEP_ABOVE = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;
  readonly maxFailures: number;
  readonly windowMs: number;

  constructor(options: LoginThrottleOptions) {
    this.now = options.now;
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 5 * 60 * 1000;
  }

  /** Milliseconds until this username may try again, or 0 when it may try now. */
  retryAfterMs(username: string): number {
    const recent = this.recent(key(username));
    if (recent.length < this.maxFailures) return 0;
    // The oldest failure that still counts must leave the window before the count drops.
    const oldest = recent[recent.length - this.maxFailures] ?? this.now();
    return Math.max(1, oldest + this.windowMs - this.now());
  }

  recordFailure(username: string): void {
    const k = key(username);
    const recent = this.recent(k);
    recent.push(this.now());
    this.failures.set(k, recent);
    if (this.failures.size > SWEEP_ABOVE) this.sweep();
  }

  /** A successful login wipes the slate: typos before it should not count later. */
  recordSuccess(username: string): void {
    this.failures.delete(key(username));
  }

  private recent(k: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.failures.get(k) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.failures.delete(k);
    return recent;
  }

  private sweep(): void {
    for (const k of [...this.failures.keys()]) this.recent(k);
  }
}

/** Usernames are case-insensitive (see migration 1), so the throttle must be too. */
function key(username: string): string {
  return username.trim().toLowerCase();
}
