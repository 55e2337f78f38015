/*
 * The local cache's encryption as windows see it (cache.status / cache.changed): where the key is
 * kept, and whether this sign-in had to start the cache afresh.
 */

/** Where the shell keeps the cache keys: the OS keychain (Electron's safeStorage), or a file only this OS user can read. */
export type CacheKeyCustody = 'keychain' | 'file';

/** Why a cache was started afresh: its key was gone (the keychain was reset), or the key did not open it (wrong key, damaged file). */
export type CacheResetReason = 'key_missing' | 'unreadable';

export interface CacheReset {
  reason: CacheResetReason;
  /** the name the unreadable file was given, beside the new one in the cache folder (kept, not deleted) */
  movedTo: string;
  /** epoch ms */
  at: number;
}

export interface CacheStatus {
  keyCustody: CacheKeyCustody;
  /** set when this account's cache was unreadable at sign-in: a new one is being synced from the server */
  reset: CacheReset | null;
}
