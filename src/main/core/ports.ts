import type { CacheKeyCustody } from '../../shared/domain/cache';

/**
 * What the core needs from the shell that hosts it (Electron or the Node host). Each host
 * supplies its own implementation; the core never knows which.
 */
export interface SettingsStore {
  /** The stored settings as saved; the core validates and fills defaults. */
  read(): unknown;
  write(settings: object): void;
}

/** Small secrets (the session token, the cache keys). Electron keeps them with safeStorage. */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export interface CoreOptions {
  /** the folder for the local cache and logs of this user */
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  shell: 'electron' | 'browser';
  /** where the shell keeps the secrets holding the cache keys, told to the user (cache.status) */
  cacheKeyCustody: CacheKeyCustody;
  /** the demo server started by this launch, if any */
  embeddedServerUrl: string | null;
  /** the server offered on the login screen until the user picks another */
  defaultServerUrl: string;
  version: string;
}
