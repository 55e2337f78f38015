import Database from 'better-sqlite3-multiple-ciphers';
import type PlainDatabase from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import type { CacheReset, CacheResetReason } from '../../../shared/domain/cache';
import type { CacheKeys } from './cacheKeys';
import { applyCacheKey, CacheUnreadableError, openCache } from './openCache';

export interface AccountCache {
  db: PlainDatabase.Database;
  /** set when the file found could not be read: it was moved aside and this one is new (a first sync follows) */
  reset: CacheReset | null;
}

// The first 16 bytes of every plain SQLite file; an encrypted one starts with its random salt instead.
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
// A database file and the journals that belong to it: they move together or not at all.
const SIDECARS = ['', '-wal', '-shm', '-journal'];

function isPlainSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Encrypts a cache written by a version before encryption, in place, keeping its rows. The
 * library rekeys only outside WAL mode, so the WAL is folded in first; openCache turns WAL back on.
 */
function encryptPlainCache(file: string, key: Buffer): void {
  const db: PlainDatabase.Database = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    applyCacheKey(db, key, 'rekey');
  } finally {
    db.close();
  }
}

/** Renames the file and its journals with a timestamp (never deletes them); returns the new name of the file. */
function moveAside(file: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const aside = file.replace(/\.sqlite$/, '') + `.unreadable-${stamp}.sqlite`;
  for (const suffix of SIDECARS) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/**
 * Opens the encrypted cache of one server + account with its key from `keys` (null: a plain file,
 * for the benchmarks that measure what encryption costs):
 * - no file yet: a new one under a new key;
 * - a plain file from an older version: encrypted in place (rows kept);
 * - a file whose key is gone (the keychain was reset) or that the key does not open (wrong key,
 *   damaged file): moved aside, its key (if any) following it so it can still be examined, and a
 *   new cache is started, which the sync engine fills from the server again; `reset` says so.
 * Outbox entries and drafts that were only in the unreadable file are not in the new one: the
 * notice tells the user, and the old file is kept.
 */
export function openAccountCache(file: string, keys: CacheKeys | null, now: number): AccountCache {
  if (!keys) return { db: openCache(file), reset: null };
  const exists = existsSync(file);
  if (exists && isPlainSqlite(file)) {
    const key = keys.get(file) ?? keys.create(file);
    encryptPlainCache(file, key);
    return { db: openCache(file, key), reset: null };
  }
  const key = keys.get(file);
  if (!key) return exists ? startAfresh(file, keys, 'key_missing', now) : { db: openCache(file, keys.create(file)), reset: null };
  try {
    return { db: openCache(file, key), reset: null };
  } catch (error) {
    if (!(error instanceof CacheUnreadableError)) throw error;
    return startAfresh(file, keys, 'unreadable', now);
  }
}

function startAfresh(file: string, keys: CacheKeys, reason: CacheResetReason, at: number): AccountCache {
  const aside = moveAside(file, at);
  keys.move(file, aside);
  return { db: openCache(file, keys.create(file)), reset: { reason, movedTo: basename(aside), at } };
}
