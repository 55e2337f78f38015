import { backoffDelay } from '../../shared/backoff';

/** Reconnect timing for the window ↔ core WebSocket: the core is local, so retries are quick. */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 5_000;

export function reconnectDelay(failures: number, random?: () => number): number {
  return backoffDelay(failures, { baseMs: RECONNECT_FIRST_MS, maxMs: RECONNECT_MAX_MS }, random);
}
