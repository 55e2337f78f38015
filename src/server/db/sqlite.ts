import Database from 'better-sqlite3';

/** Values SQLite accepts as bound parameters (booleans are not among them). */
export type SqlValue = string | number | bigint | Buffer | null;

export type SqliteDatabase = Database.Database;
export type Statement<P extends SqlValue[] = SqlValue[], R = unknown> = Database.Statement<P, R>;

/** Opens (or creates) a SQLite file; ':memory:' gives a throw-away database for tests. */
export function openSqlite(filename: string): SqliteDatabase {
  return new Database(filename);
}

/** A statement bound with named parameters (`@name`), one object per call. */
export type NamedStatement<R = unknown> = Database.Statement<[Record<string, SqlValue>], R>;
