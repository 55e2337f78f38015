import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import type { Customer } from '../../../shared/domain/customers';
import type { Message } from '../../../shared/domain/conversations';
import { ftsMatch } from '../../../shared/text';
import { memorySecretStore } from '../../../../tests/support/memoryStores';
import { openAccountCache } from './accountCache';
import { CacheKeys } from './cacheKeys';
import { ChangeSet } from './changeSet';
import { MIGRATIONS } from './migrations';
import { CacheUnreadableError, openCache } from './openCache';
import { RowWriter } from './rowWriter';

/*
 * The encrypted cache on real files: what is on disk, what the core reads back, and how a file
 * that its key does not open (or a plain one from an older version) is handled.
 */
const NOW = Date.UTC(2026, 10, 23, 17, 0, 0);
const BODY = '我要申请退款 order 88123 never arrived';
const NAME = 'Zhang Wei 张伟';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-account-cache-'));
  file = join(dir, 'cache', 'account.sqlite');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const message: Message = {
  id: 'm1', conversationId: 'c1', senderKind: 'customer', senderId: null, kind: 'text', body: BODY, event: null, articleId: null, createdAt: 1,
};
const customer: Customer = { id: 'u1', name: NAME, level: 'VIP', tags: [], phone: null, email: null, address: null, createdAt: 1 };
const rows: SyncRow[] = [
  { entity: 'messages', id: message.id, seq: 1, deleted: false, data: message },
  { entity: 'customers', id: customer.id, seq: 2, deleted: false, data: customer },
];

/** Every byte the cache has on disk: the file and its journals. */
function bytesOnDisk(): Buffer {
  const folder = join(dir, 'cache');
  return Buffer.concat(readdirSync(folder).filter((name) => name.startsWith('account.sqlite')).map((name) => readFileSync(join(folder, name))));
}
const inClear = (bytes: Buffer) => [BODY.slice(0, 6), '88123', 'Zhang Wei', '张伟'].filter((text) => bytes.includes(Buffer.from(text)));
const cacheFiles = () => readdirSync(join(dir, 'cache')).sort();

describe('the encrypted account cache', () => {
  it('keeps message text and customer names out of the file and its WAL, while the core reads and searches them', () => {
    const keys = new CacheKeys(memorySecretStore());
    const { db, reset } = openAccountCache(file, keys, NOW);
    expect(reset).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    new RowWriter(db).apply(rows, new ChangeSet());
    // open, with the rows still in the WAL
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(inClear(bytesOnDisk())).toEqual([]);
    db.close();
    expect(inClear(bytesOnDisk())).toEqual([]);

    const again = openAccountCache(file, keys, NOW);
    expect(again.reset).toBeNull();
    expect(again.db.prepare("SELECT json_extract(data, '$.body') AS body FROM messages").get()).toEqual({ body: BODY });
    expect(again.db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(ftsMatch('退款'))).toEqual({ n: 1 });
    expect(again.db.prepare('SELECT count(*) AS n FROM entities_fts WHERE entities_fts MATCH ?').get(ftsMatch('张伟'))).toEqual({ n: 1 });
    again.db.close();
  });

  it('fails to open with a wrong key with a typed error, and a cache that will not open is moved aside (with its key) and started afresh', () => {
    const secrets = memorySecretStore();
    const keys = new CacheKeys(secrets);
    const first = openAccountCache(file, keys, NOW);
    first.db.prepare("INSERT INTO drafts VALUES ('c1', 'half-written reply', 1)").run();
    first.db.close();
    const rightKey = keys.get(file)!;

    // the keychain now hands out another key for the file
    const replaced = new CacheKeys(memorySecretStore());
    const wrongKey = replaced.create(file);
    expect(() => openCache(file, wrongKey)).toThrow(CacheUnreadableError);

    const { db, reset } = openAccountCache(file, replaced, NOW);
    expect(reset).toEqual({ reason: 'unreadable', movedTo: 'account.unreadable-2026-11-23T17-00-00-000Z.sqlite', at: NOW });
    expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
    db.close();
    expect(cacheFiles()).toEqual(expect.arrayContaining(['account.sqlite', 'account.unreadable-2026-11-23T17-00-00-000Z.sqlite']));
    // the moved file is intact: its own key still reads it
    const old = openCache(join(dir, 'cache', reset!.movedTo), rightKey);
    expect(old.prepare('SELECT text FROM drafts').get()).toEqual({ text: 'half-written reply' });
    old.close();
    // the new cache opens with the new key from now on
    const next = openAccountCache(file, replaced, NOW + 1);
    expect(next.reset).toBeNull();
    next.db.close();
  });

  it('moves aside a cache whose key is gone (keychain reset) and keeps the key of the moved file when it had one', () => {
    const secrets = memorySecretStore();
    const keys = new CacheKeys(secrets);
    openAccountCache(file, keys, NOW).db.close();
    secrets.values.clear();

    const { db, reset } = openAccountCache(file, keys, NOW);
    db.close();
    expect(reset).toMatchObject({ reason: 'key_missing', movedTo: expect.stringMatching(/^account\.unreadable-.+\.sqlite$/) });
    expect(keys.get(join(dir, 'cache', reset!.movedTo))).toBeNull();
    expect(keys.get(file)).not.toBeNull();
  });

  it('moves aside a damaged file that is not SQLite at all', () => {
    const keys = new CacheKeys(memorySecretStore());
    openAccountCache(file, keys, NOW).db.close();
    writeFileSync(file, Buffer.alloc(8192, 7));
    const { db, reset } = openAccountCache(file, keys, NOW);
    db.close();
    expect(reset?.reason).toBe('unreadable');
  });

  it('encrypts a plain cache from an older version in place and keeps its rows, those still in its WAL included', () => {
    // the file and WAL of an older version that stopped without closing: copied while open
    const older = openCache(join(dir, 'older.sqlite'));
    new RowWriter(older).apply(rows, new ChangeSet());
    older.prepare("INSERT INTO drafts VALUES ('c1', 'kept draft', 1)").run();
    mkdirSync(join(dir, 'cache'));
    copyFileSync(join(dir, 'older.sqlite'), file);
    copyFileSync(join(dir, 'older.sqlite-wal'), `${file}-wal`);
    older.close();
    expect(inClear(bytesOnDisk()).length).toBeGreaterThan(0);

    const keys = new CacheKeys(memorySecretStore());
    const { db, reset } = openAccountCache(file, keys, NOW);
    expect(reset).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT text FROM drafts').get()).toEqual({ text: 'kept draft' });
    expect(db.prepare('SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ?').get(ftsMatch('退款'))).toEqual({ n: 1 });
    db.close();
    expect(inClear(bytesOnDisk())).toEqual([]);
    expect(cacheFiles()).toEqual(['account.sqlite']);
    expect(() => openCache(file)).toThrow();
  });
});
