import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretStore } from '../core/ports';
import type { Log } from './log';

/** Why secrets cannot be encrypted at rest on this machine, or null when they can. */
function encryptionUnavailableReason(): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'the operating system offers no encryption for this user';
  // Without a keyring Linux falls back to a key compiled into Electron: that is obfuscation, not encryption.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'no keyring (libsecret / kwallet) is available';
  }
  return null;
}

function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: (key) => secrets.get(key) ?? null,
    set: (key, value) => {
      if (value === null) secrets.delete(key);
      else secrets.set(key, value);
    },
  };
}

/**
 * Secrets (the session token) encrypted with the OS keychain via safeStorage and kept base64 in
 * secrets.json. Where that is not possible they live in memory only, so the agent signs in
 * again after a restart rather than leaving a token readable on disk.
 * Call after the app is ready (safeStorage needs it on Linux).
 */
export function createSecretStore(log: Log): SecretStore {
  const reason = encryptionUnavailableReason();
  if (reason) {
    log.warn(`secrets are kept in memory only (sign-in will not survive a restart): ${reason}`);
    return memorySecretStore();
  }
  const store = new Store<Record<string, string>>({
    name: 'secrets',
    clearInvalidConfig: true,
    // keys are opaque names, not paths
    accessPropertiesByDotNotation: false,
  });
  return {
    get(key) {
      const stored = store.get(key);
      if (typeof stored !== 'string') return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch (error) {
        // e.g. the keychain entry was reset: the old ciphertext is useless, forget it
        log.error(`could not decrypt the stored secret '${key}'; it is discarded`, error);
        store.delete(key);
        return null;
      }
    },
    set(key, value) {
      if (value === null) store.delete(key);
      else store.set(key, safeStorage.encryptString(value).toString('base64'));
    },
  };
}
