import Conf from 'conf';
import type { SecretStore, SettingsStore } from '../core/ports';

/** Settings in browser mode: `conf` (electron-store's base) in the user data folder. */
export function confSettingsStore(cwd: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({ cwd, configName: 'settings', projectName: 'seatdesk' });
  return {
    read: () => conf.store,
    write: (settings) => {
      conf.store = { ...settings };
    },
  };
}

/**
 * Secrets in browser mode. There is no OS keychain binding in plain Node, so the token and the
 * cache keys sit in a file readable by this user only (mode 0600): weaker than the Electron shell,
 * which encrypts them with safeStorage, since anyone who can read this user's files reads the key
 * beside the cache (README, "Local cache encryption").
 */
export function fileSecretStore(cwd: string): SecretStore {
  const conf = new Conf<Record<string, string>>({ cwd, configName: 'secrets', projectName: 'seatdesk', configFileMode: 0o600 });
  return {
    get: (key) => conf.get(key) ?? null,
    set: (key, value) => (value === null ? conf.delete(key) : conf.set(key, value)),
  };
}
