import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheKeys } from '../core/cache/cacheKeys';
import { fileSecretStore } from './stores';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-host-stores-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the browser host secret file', () => {
  it('keeps the cache keys in a file only this OS user can read (no keychain in plain Node), and hands them back after a restart', () => {
    const key = new CacheKeys(fileSecretStore(dir)).create(join(dir, 'cache', 'a.sqlite'));
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // stored as it is: weaker than the Electron shell's keychain, as the README says
    expect(readFileSync(file, 'utf8')).toContain(key.toString('hex'));
    expect(new CacheKeys(fileSecretStore(dir)).get(join(dir, 'cache', 'a.sqlite'))).toEqual(key);
  });
});
