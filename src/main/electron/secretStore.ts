import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { CacheKeyCustody } from '../../shared/domain/cache';
import type { SecretStore } from '../core/ports';
import { shellSecrets } from './keychainSecrets';
import type { Log } from './log';

// keys are opaque names, not paths
const OPAQUE_KEYS = { clearInvalidConfig: true, accessPropertiesByDotNotation: false } as const;

/**
 * The core's secrets in userData: encrypted with the OS keychain via safeStorage in secrets.json,
 * or, without a keychain, as keychainSecrets.ts decides (cache keys in cache-keys.json, mode 0600).
 * Call after the app is ready (safeStorage needs it on Linux).
 */
export function createSecretStore(log: Log): { secrets: SecretStore; cacheKeyCustody: CacheKeyCustody } {
  return shellSecrets({
    keychain: safeStorage,
    encryptedFile: () => new Store<Record<string, string>>({ name: 'secrets', ...OPAQUE_KEYS }),
    plainFile: () => new Store<Record<string, string>>({ name: 'cache-keys', configFileMode: 0o600, ...OPAQUE_KEYS }),
    log,
  });
}
