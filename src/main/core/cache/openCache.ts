import Database from 'better-sqlite3-multiple-ciphers';
import type PlainDatabase from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_KEY_BYTES } from './cacheKeys';
import { migrate } from './migrations';

/*
 * One cache file per server + account, named by a hash of both, so that switching accounts (or
 * servers) never shows one user's rows to another and no name or URL is readable from the folder.
 *
 * The file is encrypted at rest (SQLite3 Multiple Ciphers through better-sqlite3-multiple-ciphers,
 * a fork with better-sqlite3's API): every page, the WAL included, with ChaCha20-Poly1305 under a
 * random key per file that the shell keeps (cacheKeys.ts, accountCache.ts). Deferred (see issue 4):
 * moving SQLite onto a worker thread. The core runs in its own process; every statement is a
 * prepared one on indexed columns, and bulk work (a pull page) is one transaction per page, so
 * each blocks the core's thread for milliseconds, not seconds.
 */
export function cacheFilePath(dataDir: string, serverUrl: string, userId: string): string {
  const key = createHash('sha256').update(`${new URL(serverUrl).origin}\n${userId}`).digest('hex').slice(0, 32);
  return join(dataDir, 'cache', `${key}.sqlite`);
}

/** The cache file does not open with its key: the wrong key (the keychain lost or replaced it) or a damaged file. */
export class CacheUnreadableError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super('the local cache cannot be read with its key (wrong key or damaged file)', { cause });
    this.name = 'CacheUnreadableError';
  }
}

/**
 * Sets the cipher and the key on a connection that has run nothing yet. The key is 32 random bytes,
 * given raw ('raw:' + hex) so no key derivation runs on each open: there is no password to stretch.
 * The cipher is named rather than left to the library's default, so an upgrade never reads the file
 * with another one.
 */
export function applyCacheKey(db: PlainDatabase.Database, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  if (key.length !== CACHE_KEY_BYTES) throw new RangeError(`a cache key is ${CACHE_KEY_BYTES} bytes`);
  db.pragma(`cipher = 'chacha20'`);
  db.pragma(`${pragma} = 'raw:${key.toString('hex')}'`);
}

/** Reads the schema once: a wrong key or a damaged file fails here, with a typed error, not at some later query. */
function assertReadable(db: PlainDatabase.Database, file: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const code = error instanceof Database.SqliteError ? error.code : '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new CacheUnreadableError(file, error);
    throw error;
  }
}

/**
 * Opens (creating if need be) and migrates a cache file. With a key the file is encrypted; without
 * one it is plain SQLite, which only tests and the benchmarks that measure what encryption costs
 * ask for (the workspace always opens through openAccountCache). Throws CacheUnreadableError when
 * the key does not open the file.
 */
export function openCache(file: string, key: Buffer | null = null): PlainDatabase.Database {
  mkdirSync(join(file, '..'), { recursive: true });
  // The fork's Database has better-sqlite3's API; the rest of the core is typed against better-sqlite3's.
  const db: PlainDatabase.Database = new Database(file);
  try {
    if (key) {
      applyCacheKey(db, key);
      assertReadable(db, file);
      // Sorts and temporary indexes stay in memory: SQLite's temp files are not encrypted.
      db.pragma('temp_store = MEMORY');
    }
    db.pragma('journal_mode = WAL');
    // FULL: a queued reply the user saw as "pending" must survive a power cut, not only a crash.
    // Pull pages are one transaction each, so this costs one fsync per page.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 32 MB of page cache (the default is 2 MB): FTS doclists of common terms over a large
    // history are read on every search, and stay well inside the core's memory budget.
    db.pragma('cache_size = -32768');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
