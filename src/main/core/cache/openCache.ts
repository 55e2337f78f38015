import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

/*
 * One cache file per server + account, named by a hash of both, so that switching accounts (or
 * servers) never shows one user's rows to another and no name or URL is readable from the folder.
 *
 * Deferred (see issue 4): at-rest encryption (better-sqlite3-multiple-ciphers with a key kept by
 * the shell's safeStorage) and moving SQLite onto a worker thread. Today the core opens the file
 * on its own thread; every statement is a prepared one on indexed columns, and bulk work (a pull
 * page) is one transaction per page, so each blocks the thread for milliseconds, not seconds.
 */
export function cacheFilePath(dataDir: string, serverUrl: string, userId: string): string {
  const key = createHash('sha256').update(`${new URL(serverUrl).origin}\n${userId}`).digest('hex').slice(0, 32);
  return join(dataDir, 'cache', `${key}.sqlite`);
}

export function openCache(file: string): Database.Database {
  mkdirSync(join(file, '..'), { recursive: true });
  const db = new Database(file);
  try {
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
