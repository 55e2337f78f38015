/** How the core is connected to the server: what the renderer shows as online / syncing / offline. */
export type SyncState = 'signed_out' | 'connecting' | 'syncing' | 'online' | 'offline';

export interface SyncStatus {
  state: SyncState;
  /** epoch ms of the last state change */
  since: number;
  /** why the last attempt failed, for the tooltip */
  lastError?: string;
  /** when the next reconnect attempt is due (epoch ms), while offline */
  retryAt?: number;
}
