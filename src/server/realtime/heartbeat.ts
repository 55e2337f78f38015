import { WS_CLOSE_UNAUTHENTICATED } from '../../shared/api/auth';
import type { ConnectionHub } from './hub';

export const DEFAULT_HEARTBEAT_MS = 30_000;

/**
 * One sweep over the open sockets. A socket that did not answer the previous ping is dead
 * (laptop lid shut, NAT dropped it) and is terminated: TCP alone may take hours to notice.
 * A socket whose session expired meanwhile is closed as unauthenticated, so the client signs in again.
 */
export function heartbeatSweep(hub: ConnectionHub, now: number): void {
  for (const connection of hub.all()) {
    if (connection.expiresAt <= now) {
      connection.socket.close(WS_CLOSE_UNAUTHENTICATED, 'session_expired');
    } else if (!connection.alive) {
      connection.socket.terminate();
      hub.remove(connection.socket);
    } else {
      connection.alive = false;
      connection.socket.ping();
    }
  }
}

/** Runs heartbeatSweep on a timer; returns the function that stops it. */
export function startHeartbeat(hub: ConnectionHub, intervalMs: number, now: () => number): () => void {
  const timer = setInterval(() => heartbeatSweep(hub, now()), intervalMs);
  // The timer alone must not keep a finished process (or test run) alive.
  timer.unref();
  return () => clearInterval(timer);
}
