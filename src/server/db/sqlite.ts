import { createRequire } from 'node:module';

/*
 * The part of better-sqlite3 the server uses, typed here in one place.
 * better-sqlite3 ships no type declarations and @types/better-sqlite3 is not a dependency,
 * so it is loaded through require and given this interface. A global `declare module`
 * would leak into src/main/core and clash if the @types package is added later.
 */

/** Values SQLite accepts as bound parameters (booleans are not among them). */
export type SqlValue = string | number | bigint | Buffer | null;

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement<P extends SqlValue[] = SqlValue[], R = unknown> {
  run(...params: P): RunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

export interface Transaction<A extends unknown[], T> {
  (...args: A): T;
  /** BEGIN IMMEDIATE: takes the write lock up front, so the writer never fails half-way on a busy lock */
  immediate(...args: A): T;
}

export interface SqliteDatabase {
  readonly open: boolean;
  readonly inTransaction: boolean;
  prepare<P extends SqlValue[] = SqlValue[], R = unknown>(sql: string): Statement<P, R>;
  exec(sql: string): this;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], T>(fn: (...args: A) => T): Transaction<A, T>;
  close(): this;
}

interface SqliteConstructor {
  new (filename: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }): SqliteDatabase;
}

const require = createRequire(import.meta.url);
const BetterSqlite3 = require('better-sqlite3') as SqliteConstructor;

/** Opens (or creates) a SQLite file; ':memory:' gives a throw-away database for tests. */
export function openSqlite(filename: string): SqliteDatabase {
  return new BetterSqlite3(filename);
}
