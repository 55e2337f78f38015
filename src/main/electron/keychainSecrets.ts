import type { SafeStorage } from 'electron';
import type { CacheKeyCustody } from '../../shared/domain/cache';
import { CACHE_KEYS_SECRET } from '../core/cache/cacheKeys';
import type { SecretStore } from '../core/ports';
import type { Log } from './log';

/*
 * Where the shell keeps the core's secrets (the session token, the cache keys), written without
 * the Electron runtime so it can be tested with a fake safeStorage; secretStore.ts gives it the
 * real one and electron-store files.
 */

/** What is used of Electron's safeStorage (typed against electron's own .d.ts). */
export type Keychain = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

/** The part of electron-store (and of conf, its base) the secret files use. */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export interface ShellSecretsOptions {
  keychain: Keychain;
  /** the file for secrets encrypted with the keychain (userData/secrets.json) */
  encryptedFile: () => KeyValueFile;
  /** the file the cache keys fall back to without a keychain: readable by this OS user only (0600) */
  plainFile: () => KeyValueFile;
  log: Log;
  platform?: NodeJS.Platform;
}

/** Why secrets cannot be encrypted at rest on this machine, or null when they can. */
function keychainUnavailableReason(keychain: Keychain, platform: NodeJS.Platform): string | null {
  if (!keychain.isEncryptionAvailable()) return 'the operating system offers no encryption for this user';
  // Without a keyring Linux falls back to a key compiled into Electron: that is obfuscation, not encryption.
  if (platform === 'linux' && keychain.getSelectedStorageBackend() === 'basic_text') return 'no keyring (libsecret / kwallet) is available';
  return null;
}

/** Secrets encrypted with the OS keychain and kept base64 in `file`. */
function keychainSecrets(keychain: Keychain, file: KeyValueFile, log: Log): SecretStore {
  return {
    get(key) {
      const stored = file.get(key);
      if (typeof stored !== 'string') return null;
      try {
        return keychain.decryptString(Buffer.from(stored, 'base64'));
      } catch (error) {
        // The keychain entry was reset, or the keychain refused this time (a macOS "Deny", a
        // keyring still locked at login). A session token is only forgotten; the cache keys'
        // ciphertext is kept under a dated name, as their caches are kept when moved aside, so a
        // keychain that answers again can still open them (the new caches get new keys).
        const keptAs = key === CACHE_KEYS_SECRET ? `${key}.unreadable-${new Date().toISOString()}` : null;
        log.error(`could not decrypt the stored secret '${key}'; ${keptAs ? `it is kept as '${keptAs}'` : 'it is discarded'}`, error);
        if (keptAs) file.set(keptAs, stored);
        file.delete(key);
        return null;
      }
    },
    set(key, value) {
      if (value === null) file.delete(key);
      else file.set(key, keychain.encryptString(value).toString('base64'));
    },
  };
}

function plainSecrets(file: KeyValueFile): SecretStore {
  return {
    get: (key) => {
      const stored = file.get(key);
      return typeof stored === 'string' ? stored : null;
    },
    set: (key, value) => (value === null ? file.delete(key) : file.set(key, value)),
  };
}

function memorySecrets(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: (key) => secrets.get(key) ?? null,
    set: (key, value) => void (value === null ? secrets.delete(key) : secrets.set(key, value)),
  };
}

/** A JSON object of strings, or an empty one for anything else. */
function keysIn(json: string | null): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * A keyring that appeared since the cache keys were kept in the clear (Linux): they move under the
 * keychain, so the caches stay readable instead of being started afresh, and the plain copy goes.
 * Where both hold a key for one file, the plain one wins: it was written after the last launch with
 * the keyring (which empties the plain file), when that launch's key could not be read and the
 * cache was started afresh under a new key.
 */
function adoptPlainCacheKeys(secrets: SecretStore, plain: KeyValueFile): void {
  const kept = plain.get(CACHE_KEYS_SECRET);
  if (typeof kept !== 'string') return;
  secrets.set(CACHE_KEYS_SECRET, JSON.stringify({ ...keysIn(secrets.get(CACHE_KEYS_SECRET)), ...keysIn(kept) }));
  plain.delete(CACHE_KEYS_SECRET);
}

/**
 * With a keychain every secret is encrypted with it (safeStorage) in secrets.json. Without one
 * (Linux with no keyring) nothing is encrypted, and each secret goes where losing it costs least:
 * the session token stays in memory (the agent signs in again after a restart), the cache keys go
 * to a file only this OS user can read, since losing them at each restart would throw away the
 * offline outbox and drafts and resync everything. The core tells the user which (cache.status).
 * Call after the app is ready (safeStorage needs it on Linux).
 */
export function shellSecrets(options: ShellSecretsOptions): { secrets: SecretStore; cacheKeyCustody: CacheKeyCustody } {
  const { keychain, log } = options;
  const reason = keychainUnavailableReason(keychain, options.platform ?? process.platform);
  if (!reason) {
    const secrets = keychainSecrets(keychain, options.encryptedFile(), log);
    adoptPlainCacheKeys(secrets, options.plainFile());
    return { secrets, cacheKeyCustody: 'keychain' };
  }
  log.warn(`no OS keychain (${reason}): sign-in will not survive a restart, and the local cache's key is kept unencrypted in a file only this user can read`);
  const session = memorySecrets();
  const cacheKeys = plainSecrets(options.plainFile());
  const route = (key: string) => (key === CACHE_KEYS_SECRET ? cacheKeys : session);
  return {
    secrets: { get: (key) => route(key).get(key), set: (key, value) => route(key).set(key, value) },
    cacheKeyCustody: 'file',
  };
}
