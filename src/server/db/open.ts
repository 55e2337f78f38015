import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations } from './migrations';
import { openSqlite, type SqliteDatabase } from './sqlite';

export const DATABASE_FILE = 'server.db';

/**
 * Opens `<dataDir>/server.db`, creating the folder if needed, and migrates it.
 * The server process is the only writer (ARCHITECTURE §4.4).
 */
export function openServerDatabase(dataDir: string, now: () => number = Date.now): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = openSqlite(join(dataDir, DATABASE_FILE));
  try {
    configure(db);
    applyMigrations(db, undefined, now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: SqliteDatabase): void {
  // WAL lets readers run while the writer commits. FULL syncs the WAL on every commit: a
  // message is acknowledged only after its commit, so an acknowledged message must survive a
  // power cut too (NORMAL could lose the last commits).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Backups or an admin's sqlite3 shell may hold a lock briefly; wait instead of failing.
  db.pragma('busy_timeout = 5000');
}
