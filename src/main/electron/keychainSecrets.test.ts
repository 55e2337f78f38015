import Conf from 'conf';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CACHE_KEYS_SECRET, CacheKeys } from '../core/cache/cacheKeys';
import { shellSecrets, type Keychain, type KeyValueFile } from './keychainSecrets';

/*
 * The shell's secret store with a fake safeStorage (Electron cannot run here; the fake is typed
 * against electron's .d.ts) over real files: conf, the base of the electron-store the app uses.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-keychain-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A keychain that "encrypts" with XOR under its generation; `reset` starts a new one, as a keychain entry that was replaced. */
function fakeKeychain(backend: ReturnType<Keychain['getSelectedStorageBackend']> = 'gnome_libsecret', available = true) {
  let generation = 1;
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const keychain: Keychain = {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.concat([Buffer.of(generation), xor(Buffer.from(text))]),
    decryptString: (data) => {
      if (data[0] !== generation) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return xor(data.subarray(1)).toString();
    },
  };
  return { keychain, reset: () => (generation += 1) };
}

const file = (name: string, mode?: number): KeyValueFile & { path: string } =>
  new Conf<Record<string, string>>({ cwd: dir, configName: name, projectName: 'seatdesk', accessPropertiesByDotNotation: false, ...(mode ? { configFileMode: mode } : {}) });
const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const open = (keychain: Keychain, platform: NodeJS.Platform = 'linux', logger = log()) =>
  shellSecrets({ keychain, encryptedFile: () => file('secrets'), plainFile: () => file('cache-keys', 0o600), log: logger, platform });

describe('the shell secret store', () => {
  it('keeps the cache keys encrypted with the keychain in secrets.json, and hands them back after a restart', () => {
    const { keychain } = fakeKeychain();
    const { secrets, cacheKeyCustody } = open(keychain);
    expect(cacheKeyCustody).toBe('keychain');
    const key = new CacheKeys(secrets).create('/data/cache/a.sqlite');
    secrets.set('session', 'token-123');

    const onDisk = readFileSync(join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).toContain(CACHE_KEYS_SECRET);
    expect(onDisk).not.toContain(key.toString('hex'));
    expect(onDisk).not.toContain('token-123');

    const again = open(keychain).secrets;
    expect(new CacheKeys(again).get('/data/cache/a.sqlite')).toEqual(key);
    expect(again.get('session')).toBe('token-123');
  });

  it('sets aside cache keys the keychain cannot decrypt (the core treats them as lost), keeping their ciphertext; a session token is forgotten', () => {
    const { keychain, reset } = fakeKeychain();
    const first = open(keychain).secrets;
    new CacheKeys(first).create('/data/cache/a.sqlite');
    first.set('session', 'token-123');
    const before = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;
    reset();
    const logger = log();
    const { secrets } = open(keychain, 'linux', logger);
    expect(new CacheKeys(secrets).get('/data/cache/a.sqlite')).toBeNull();
    expect(secrets.get('session')).toBeNull();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining(`'${CACHE_KEYS_SECRET}'`), expect.any(Error));
    const after = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;
    const keptAs = Object.keys(after).filter((name) => name.startsWith(`${CACHE_KEYS_SECRET}.unreadable-`));
    expect(keptAs).toHaveLength(1);
    expect(after[keptAs[0]!]).toBe(before[CACHE_KEYS_SECRET]);
    expect(Object.keys(after)).toEqual(keptAs);
    // a new key for the fresh cache does not overwrite what was set aside
    new CacheKeys(secrets).create('/data/cache/a.sqlite');
    expect((JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>)[keptAs[0]!]).toBe(before[CACHE_KEYS_SECRET]);
  });

  it('on Linux without a keyring says so, keeps the session token in memory only and the cache keys in a file only this user can read', () => {
    const { keychain } = fakeKeychain('basic_text');
    const logger = log();
    const { secrets, cacheKeyCustody } = open(keychain, 'linux', logger);
    expect(cacheKeyCustody).toBe('file');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('no keyring'));
    const key = new CacheKeys(secrets).create('/data/cache/a.sqlite');
    secrets.set('session', 'token-123');

    const keysFile = join(dir, 'cache-keys.json');
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keysFile, 'utf8')).not.toContain('token-123');

    const again = open(keychain).secrets;
    expect(new CacheKeys(again).get('/data/cache/a.sqlite')).toEqual(key);
    expect(again.get('session')).toBeNull();
  });

  it('moves cache keys kept in the clear under a keyring that appeared since, so those caches stay readable', () => {
    const { keychain } = fakeKeychain('basic_text');
    const key = new CacheKeys(open(keychain).secrets).create('/data/cache/a.sqlite');
    const withKeyring = fakeKeychain('gnome_libsecret').keychain;
    const { secrets, cacheKeyCustody } = open(withKeyring);
    expect(cacheKeyCustody).toBe('keychain');
    expect(new CacheKeys(secrets).get('/data/cache/a.sqlite')).toEqual(key);
    expect(readFileSync(join(dir, 'cache-keys.json'), 'utf8')).not.toContain(key.toString('hex'));
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(key.toString('hex'));
    expect(new CacheKeys(open(withKeyring).secrets).get('/data/cache/a.sqlite')).toEqual(key);
  });

  it('keeps the newer key when a file name has one under the keychain and one kept in the clear since', () => {
    const withKeyring = fakeKeychain('gnome_libsecret').keychain;
    const old = new CacheKeys(open(withKeyring).secrets).create('/data/cache/a.sqlite');
    // a launch without the keyring cannot read that key: the core starts the cache afresh under a new one, kept in the clear
    const current = new CacheKeys(open(fakeKeychain('basic_text').keychain).secrets).create('/data/cache/a.sqlite');
    expect(current).not.toEqual(old);
    // the keyring is back: the cache on disk is the one under the key kept in the clear
    expect(new CacheKeys(open(withKeyring).secrets).get('/data/cache/a.sqlite')).toEqual(current);
  });

  it('falls back the same way where the OS offers no encryption at all', () => {
    const { cacheKeyCustody } = open(fakeKeychain('unknown', false).keychain, 'darwin');
    expect(cacheKeyCustody).toBe('file');
  });
});
