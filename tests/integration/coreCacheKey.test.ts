import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_KEYS_SECRET } from '../../src/main/core/cache/cacheKeys';
import { cacheFilePath } from '../../src/main/core/cache/openCache';
import type { CacheStatus } from '../../src/shared/domain/cache';
import { cachedRows, eventually, F, FIXTURE_PASSWORD, hashRows, record, useStage } from './syncHarness';

// A real server on loopback and a real core: the account's cache on disk is encrypted, and losing its key costs a resync, not the account.
const stage = useStage('seatdesk-cache-key-');

describe('the encrypted cache of a signed-in account', () => {
  it('holds the synced rows encrypted on disk; after the key is lost it is kept aside, resynced, and the windows are told', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, '我的订单 77123 退款还没到账');
    const dataDir = join(stage.dir, 'core');
    const first = stage.core();
    const info = await first.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    await eventually(async () => (await first.rpc.sync.progress()).syncedAt);
    const file = cacheFilePath(dataDir, stage.server.url, info.userId);
    const onDisk = Buffer.concat(readdirSync(join(dataDir, 'cache')).filter((n) => n.endsWith('.sqlite') || n.endsWith('-wal')).map((n) => readFileSync(join(dataDir, 'cache', n))));
    for (const text of ['77123', '退款', 'Customer One']) expect(onDisk.includes(Buffer.from(text)), text).toBe(false);
    expect((await first.rpc.search.history({ query: '退款' })).hits[0]).toMatchObject({ conversationId });
    expect(await first.rpc.cache.status()).toEqual({ keyCustody: 'file', reset: null });
    await first.rpc.session.logout();
    await first.core.close();

    // the keychain was reset: the session survives (signed in again here), the cache keys do not
    first.secrets.values.delete(CACHE_KEYS_SECRET);
    const second = stage.core(first.secrets);
    const told = record(second.rpc, 'cache.changed');
    await second.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    const [notice] = await eventually(() => (told.length ? told : null));
    expect(notice).toEqual<CacheStatus>({ keyCustody: 'file', reset: { reason: 'key_missing', movedTo: expect.stringMatching(/\.unreadable-.+\.sqlite$/), at: expect.any(Number) } });
    expect(await second.rpc.cache.status()).toEqual(notice);
    expect(readdirSync(join(dataDir, 'cache'))).toContain(notice!.reset!.movedTo);

    await eventually(async () => (await second.rpc.sync.progress()).syncedAt);
    const truth = await stage.server.everything(await stage.server.token('leadX'));
    expect(hashRows(cachedRows(dataDir, stage.server.url, info.userId, { file, secrets: second.secrets }))).toBe(hashRows(truth));
    expect((await second.rpc.search.history({ query: '退款' })).hits[0]).toMatchObject({ conversationId });
  });
});
