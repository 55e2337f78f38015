/**
 * Reconnect delay with exponential growth and "full jitter" (a random delay up to the cap), so
 * a thousand seats that lose the server together do not come back in one wave.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  // Never below half the cap: full jitter alone can retry at once too often.
  return Math.round(cap / 2 + random() * (cap / 2));
}
