import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrations';
import { openSqlite, type SqliteDatabase } from './sqlite';
import { MAX_GROUP, writerFor, type Commit, type Writer, type WriteTx } from './writer';

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

describe('group commit', () => {
  let dir: string;
  let file: string;
  let fileDb: SqliteDatabase;
  let grouped: Writer;
  let groupCommits: Commit[];
  beforeEach(() => {
    // A file, so a second connection can tell what is committed.
    dir = mkdtempSync(join(tmpdir(), 'seatdesk-writer-'));
    file = join(dir, 'server.db');
    fileDb = openSqlite(file);
    fileDb.pragma('journal_mode = WAL');
    applyMigrations(fileDb);
    grouped = writerFor(fileDb);
    groupCommits = [];
    grouped.onCommit((c) => groupCommits.push(c));
  });
  afterEach(() => {
    fileDb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: string) => (tx: WriteTx) => {
    const seq = tx.stamp('shops');
    fileDb.prepare('INSERT INTO shops (id, name, seq) VALUES (?, ?, ?)').run(id, id, seq);
    return seq;
  };
  /** What another connection (another process, after a crash) reads: only committed rows. */
  const committedShops = () => {
    const reader = openSqlite(file);
    try {
      return (reader.prepare('SELECT id FROM shops ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    } finally {
      reader.close();
    }
  };

  it('commits writes queued together in one transaction and answers each only after it is committed', async () => {
    const seenAtAnswer: string[][] = [];
    const answers = ['a', 'b', 'c'].map((id) =>
      grouped.writeGrouped(insert(id)).then((seq) => {
        seenAtAnswer.push(committedShops());
        return seq;
      }),
    );
    expect(committedShops()).toEqual([]);
    expect(await Promise.all(answers)).toEqual([1, 2, 3]);
    expect(seenAtAnswer).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']]);
    expect(groupCommits).toEqual([{ from: 1, to: 3, entities: new Set(['shops']) }]);
  });

  it('undoes only the write that failed; its batch mates commit with gapless increasing seqs', async () => {
    const outcomes = await Promise.allSettled([
      grouped.writeGrouped(insert('first')),
      grouped.writeGrouped((tx) => {
        insert('undone')(tx);
        throw new Error('this one fails');
      }),
      grouped.writeGrouped(insert('last')),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([1, 'this one fails', 2]);
    expect(committedShops()).toEqual(['first', 'last']);
    expect(groupCommits).toEqual([{ from: 1, to: 2, entities: new Set(['shops']) }]);
  });

  it('keeps seq rising across groups, in the order writes were queued', async () => {
    const queued = MAX_GROUP + 10;
    const first = await Promise.all(Array.from({ length: queued }, (_, i) => grouped.writeGrouped(insert(`g${i}`))));
    const second = await Promise.all([grouped.writeGrouped(insert('later'))]);
    expect([...first, ...second]).toEqual(Array.from({ length: queued + 1 }, (_, i) => i + 1));
    // More queued at once than one group takes: two commits, each a contiguous range.
    expect(groupCommits.map((c) => [c.from, c.to])).toEqual([[1, MAX_GROUP], [MAX_GROUP + 1, queued], [queued + 1, queued + 1]]);
  });

  it('acknowledges none of a group whose transaction cannot commit, and carries on afterwards', async () => {
    fileDb.pragma('busy_timeout = 0');
    const other = openSqlite(file);
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled([grouped.writeGrouped(insert('x')), grouped.writeGrouped(insert('y'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    other.exec('ROLLBACK');
    other.close();
    expect(await grouped.writeGrouped(insert('z'))).toBe(1);
    expect(committedShops()).toEqual(['z']);
  });
});
