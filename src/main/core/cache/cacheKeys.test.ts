import { describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../../tests/support/memoryStores';
import { CACHE_KEYS_SECRET, CacheKeys } from './cacheKeys';

describe('cache keys', () => {
  it('ignores only the entry that is not a key: the other files keep theirs, also when a new key is stored', () => {
    const secrets = memorySecretStore();
    const good = 'ab'.repeat(32);
    secrets.set(CACHE_KEYS_SECRET, JSON.stringify({ 'a.sqlite': good, 'b.sqlite': 'not a key', 'c.sqlite': 7 }));
    const keys = new CacheKeys(secrets);
    expect(keys.get('/data/cache/a.sqlite')?.toString('hex')).toBe(good);
    expect(keys.get('/data/cache/b.sqlite')).toBeNull();
    const created = keys.create('/data/cache/d.sqlite');
    expect(keys.get('/data/cache/a.sqlite')?.toString('hex')).toBe(good);
    expect(keys.get('/data/cache/d.sqlite')).toEqual(created);
  });

  it('reads a secret that is not a JSON object as holding no key', () => {
    for (const stored of ['{', '[]', 'null', '"x"']) {
      const secrets = memorySecretStore();
      secrets.set(CACHE_KEYS_SECRET, stored);
      expect(new CacheKeys(secrets).get('/data/cache/a.sqlite')).toBeNull();
    }
  });
});
