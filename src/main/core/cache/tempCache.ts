import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openCache } from './openCache';

/**
 * For tests: a fresh plain cache file in its own temporary folder before each test, closed and
 * removed after it. Register before the test's own beforeEach that seeds it.
 */
export function useTempCache(prefix: string): { readonly db: Database.Database; readonly dir: string } {
  let dir = '';
  let db: Database.Database | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    db = openCache(join(dir, 'cache.sqlite'));
  });
  afterEach(() => {
    db?.close();
    db = null;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get db() {
      if (!db) throw new Error('the temporary cache exists only inside a test');
      return db;
    },
    get dir() {
      return dir;
    },
  };
}
