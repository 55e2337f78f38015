import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyMigrations } from './migrations';
import { openSqlite, type SqliteDatabase } from './sqlite';
import { writerFor, type Commit, type Writer } from './writer';

let db: SqliteDatabase;
let writer: Writer;
let commits: Commit[];
beforeEach(() => {
  db = openSqlite(':memory:');
  applyMigrations(db);
  writer = writerFor(db);
  commits = [];
  writer.onCommit((c) => commits.push(c));
});
afterEach(() => {
  db.close();
});

const insertShop = (id: string, seq: number) => db.prepare('INSERT INTO shops (id, name, seq) VALUES (?, ?, ?)').run(id, id, seq);

it('is one instance per database', () => {
  expect(writerFor(db)).toBe(writer);
});

it('reports the seq range and entities of each commit, after the commit', () => {
  writer.write((tx) => {
    insertShop('a', tx.stamp('shops'));
    insertShop('b', tx.stamp('shops'));
    tx.stamp('teams');
    expect(commits).toEqual([]);
  });
  writer.write((tx) => insertShop('c', tx.stamp('shops')));
  expect(commits).toEqual([
    { from: 1, to: 3, entities: new Set(['shops', 'teams']) },
    { from: 4, to: 4, entities: new Set(['shops']) },
  ]);
});

it('reports nothing for a write that stamped nothing, or that rolled back', () => {
  writer.write(() => undefined);
  expect(() =>
    writer.write((tx) => {
      insertShop('a', tx.stamp('shops'));
      throw new Error('abort');
    }),
  ).toThrow('abort');
  expect(commits).toEqual([]);
  expect(db.prepare('SELECT COUNT(*) AS n FROM shops').get()).toEqual({ n: 0 });
});

it('undoes only a failed nested write, and hands its seq numbers out again', () => {
  writer.write((tx) => {
    insertShop('kept', tx.stamp('shops'));
    expect(() =>
      writer.write((inner) => {
        insertShop('undone', inner.stamp('teams'));
        throw new Error('inner');
      }),
    ).toThrow('inner');
    insertShop('after', tx.stamp('shops'));
  });
  expect(db.prepare('SELECT id, seq FROM shops ORDER BY seq').all()).toEqual([
    { id: 'kept', seq: 1 },
    { id: 'after', seq: 2 },
  ]);
  expect(commits).toEqual([{ from: 1, to: 2, entities: new Set(['shops']) }]);
});

it('keeps the commit when a listener throws', () => {
  const errors: unknown[] = [];
  const other = openSqlite(':memory:');
  applyMigrations(other);
  const w = writerFor(other, (e) => errors.push(e));
  w.onCommit(() => {
    throw new Error('listener');
  });
  expect(w.write((tx) => tx.stamp('shops'))).toBe(1);
  expect(errors).toHaveLength(1);
  other.close();
});
