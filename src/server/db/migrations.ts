import type { SqliteDatabase } from './sqlite';

/**
 * Numbered schema migrations. Append only: a shipped migration is never edited, because
 * servers in the field already ran it; fix mistakes with a new, higher version.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: SqliteDatabase): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users_and_sessions',
    up(db) {
      // NOCASE so 'Agent' and 'agent' cannot be two accounts and login ignores case.
      db.exec(`
        CREATE TABLE users (
          id            TEXT PRIMARY KEY,
          username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
          display_name  TEXT NOT NULL,
          role          TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
          team_kind     TEXT NOT NULL CHECK (team_kind IN ('platform', 'merchant')),
          password_hash TEXT NOT NULL,
          created_at    INTEGER NOT NULL
        ) STRICT;

        -- Only a SHA-256 of each token is kept, so a copy of the database cannot sign anyone in.
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY,
          user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          revoked_at INTEGER
        ) STRICT;
        CREATE INDEX sessions_by_user ON sessions(user_id);
      `);
    },
  },
  {
    version: 2,
    name: 'seq_counter',
    up(db) {
      // One row holding the last server-wide sequence number handed out (see db/seq.ts).
      db.exec(`
        CREATE TABLE seq_counter (
          id    INTEGER PRIMARY KEY CHECK (id = 1),
          value INTEGER NOT NULL
        ) STRICT;
        INSERT INTO seq_counter (id, value) VALUES (1, 0);
      `);
    },
  },
];

/** Checks the list is 1, 2, 3 … so a merge mistake (duplicate or gap) fails at start-up. */
function assertWellOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`migration #${index} has version ${m.version}, expected ${index + 1}`);
    }
  });
}

/**
 * Brings the database up to the newest version. Each migration runs in its own transaction
 * together with its schema_migrations row, so a crash leaves it either fully applied or not at all.
 * Returns the versions applied by this call (empty when already current).
 */
export function applyMigrations(
  db: SqliteDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): number[] {
  assertWellOrdered(migrations);
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT;
  `);
  const current = schemaVersion(db);
  const newest = migrations.length;
  if (current > newest) {
    // A newer server wrote this file; running old code on it could corrupt data.
    throw new Error(`database schema is version ${current}, this server only knows up to ${newest}`);
  }
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, now());
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}

/** The highest applied migration version, 0 for a fresh database. */
export function schemaVersion(db: SqliteDatabase): number {
  const row = db
    .prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')
    .get();
  return row?.v ?? 0;
}
