import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyMigrations } from './migrations';
import { nextSeq } from './seq';
import { openSqlite, type SqliteDatabase } from './sqlite';

let db: SqliteDatabase;
beforeEach(() => {
  db = openSqlite(':memory:');
  applyMigrations(db);
});
afterEach(() => {
  db.close();
});

it('hands out strictly increasing numbers starting at 1', () => {
  expect([nextSeq(db), nextSeq(db), nextSeq(db)]).toEqual([1, 2, 3]);
});

it('gives the number back when the transaction that took it rolls back', () => {
  const before = nextSeq(db);
  expect(() =>
    db.transaction(() => {
      nextSeq(db);
      throw new Error('abort');
    })(),
  ).toThrow('abort');
  expect(nextSeq(db)).toBe(before + 1);
});
