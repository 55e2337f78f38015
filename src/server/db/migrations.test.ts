import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS, schemaVersion, type Migration } from './migrations';
import { openServerDatabase } from './open';
import { openSqlite, type SqliteDatabase } from './sqlite';

const open: SqliteDatabase[] = [];
function memoryDb(): SqliteDatabase {
  const db = openSqlite(':memory:');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function columns(db: SqliteDatabase, table: string): string[] {
  return db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((c) => c.name);
}

function tables(db: SqliteDatabase): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((t) => t.name);
}

describe('applyMigrations', () => {
  it('brings a fresh database to every version and records each one', () => {
    const db = memoryDb();
    expect(applyMigrations(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const recorded = db.prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('is a no-op when applied a second time', () => {
    const db = memoryDb();
    applyMigrations(db);
    const before = tables(db);
    expect(applyMigrations(db)).toEqual([]);
    expect(tables(db)).toEqual(before);
    expect(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM schema_migrations').get()?.n).toBe(MIGRATIONS.length);
  });

  it('applies only the missing versions to a database that is behind', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    expect(applyMigrations(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
  });

  it('rolls back a migration that fails, leaving its version unrecorded', () => {
    const db = memoryDb();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => applyMigrations(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuses a database written by a newer server', () => {
    const db = memoryDb();
    applyMigrations(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(99, 'future', 0);
    expect(() => applyMigrations(db)).toThrow(/version 99/);
  });

  it('rejects a list with a gap or duplicate version', () => {
    const up = () => undefined;
    expect(() => applyMigrations(memoryDb(), [{ version: 1, name: 'a', up }, { version: 3, name: 'b', up }])).toThrow(/expected 2/);
    expect(() => applyMigrations(memoryDb(), [{ version: 1, name: 'a', up }, { version: 1, name: 'b', up }])).toThrow(/expected 2/);
  });
});

describe('migration 1: users_and_sessions', () => {
  it('creates users and sessions with their columns', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    expect(columns(db, 'users')).toEqual(['id', 'username', 'display_name', 'role', 'team_kind', 'password_hash', 'created_at']);
    expect(columns(db, 'sessions')).toEqual(['token_hash', 'user_id', 'created_at', 'expires_at', 'revoked_at']);
  });

  it('keeps usernames unique regardless of case and limits role and team kind', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    const insert = db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('u1', 'agent', 'A', 'agent', 'platform', 'h', 0);
    expect(() => insert.run('u2', 'AGENT', 'B', 'agent', 'platform', 'h', 0)).toThrow(/UNIQUE/);
    expect(() => insert.run('u3', 'x', 'C', 'boss', 'platform', 'h', 0)).toThrow(/CHECK/);
    expect(() => insert.run('u4', 'y', 'D', 'agent', 'shop', 'h', 0)).toThrow(/CHECK/);
  });
});

describe('migration 2: seq_counter', () => {
  it('creates the single counter row starting at 0', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    expect(columns(db, 'seq_counter')).toEqual(['id', 'value']);
    expect(db.prepare('SELECT id, value FROM seq_counter').all()).toEqual([{ id: 1, value: 0 }]);
    expect(() => db.prepare('INSERT INTO seq_counter VALUES (2, 0)').run()).toThrow(/CHECK/);
  });
});

describe('openServerDatabase', () => {
  it('creates server.db in WAL mode and reopens it without re-running migrations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seatdesk-db-'));
    try {
      const first = openServerDatabase(join(dir, 'nested'));
      expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(first.pragma('foreign_keys', { simple: true })).toBe(1);
      first.close();
      const second = openServerDatabase(join(dir, 'nested'));
      expect(schemaVersion(second)).toBe(MIGRATIONS.length);
      second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
