import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations';
import { cacheFilePath, openCache } from './openCache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cache migrations', () => {
  it('brings a new file to the newest version in WAL mode, and opening it again changes nothing', () => {
    const file = join(dir, 'c.sqlite');
    const db = openCache(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['sync_state', 'entities', 'conversations', 'messages', 'messages_fts', 'entities_fts', 'outbox', 'drafts', 'read_marks']));
    db.prepare("INSERT INTO drafts VALUES ('c1', 'hi', 1)").run();
    db.close();
    const again = openCache(file);
    expect(again.prepare('SELECT text FROM drafts').get()).toEqual({ text: 'hi' });
    again.close();
  });

  it('applies only the migrations a file has not had yet, each in its own transaction', () => {
    const db = new Database(':memory:');
    expect(migrate(db, ['CREATE TABLE a (x)'])).toBe(0);
    expect(migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'])).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    // A failing migration leaves the version where it was and the schema untouched.
    expect(() => migrate(db, ['CREATE TABLE a (x)', 'CREATE TABLE b (y)', 'CREATE TABLE c (z); SELECT nope FROM missing'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'c'").get()).toEqual({ n: 0 });
  });

  it('refuses a file from a newer version instead of corrupting it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/newer Seatdesk/);
  });

  it('3: keeps offline review sets with their conversations in order, and drops the members with their set', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO offline_sets (id, name, filter, state, created_at) VALUES ('s1', 'Q day', '{}', 'preparing', 1)").run();
    expect(() => db.prepare("INSERT INTO offline_sets (id, name, filter, state, created_at) VALUES ('s2', 'x', '{}', 'half', 1)").run()).toThrow(/CHECK/);
    const member = db.prepare("INSERT INTO offline_set_conversations (set_id, pos, conversation_id) VALUES ('s1', ?, ?)");
    member.run(1, 'c-b');
    member.run(0, 'c-a');
    expect(db.prepare("SELECT conversation_id AS id FROM offline_set_conversations WHERE set_id = 's1' ORDER BY pos").all()).toEqual([{ id: 'c-a' }, { id: 'c-b' }]);
    db.prepare("DELETE FROM offline_sets WHERE id = 's1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM offline_set_conversations').get()).toEqual({ n: 0 });
  });

  it('5: lets history search read the newest conversations, one shop, the filters of a match and a date range from indexes', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 5));
    const plan = (sql: string) => (db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((s) => s.detail).join('\n');
    expect(plan('SELECT id FROM conversations c WHERE c.deleted = 0 ORDER BY c.created_at DESC LIMIT 50')).toMatch(/SCAN c USING INDEX conversations_by_time/);
    expect(plan(`SELECT id FROM conversations c WHERE json_extract(c.data, '$.shopId') = 'shop-a'`)).toMatch(/USING INDEX conversations_by_shop/);
    expect(plan(`SELECT m.id FROM messages m CROSS JOIN conversations c WHERE m.rid = 1 AND c.id = m.conversation_id AND c.queue_id = 'q' AND c.status = 'open'`)).toMatch(
      /COVERING INDEX conversations_filters/,
    );
    expect(plan('SELECT rid FROM messages m WHERE m.created_at >= 1 AND m.created_at <= 2')).toMatch(/COVERING INDEX messages_by_time/);
  });

  it('names one file per server and account, and never shows either in the name', () => {
    const a = cacheFilePath(dir, 'http://127.0.0.1:4700/', 'u-1');
    expect(cacheFilePath(dir, 'http://127.0.0.1:4700', 'u-1')).toBe(a);
    expect(cacheFilePath(dir, 'http://127.0.0.1:4700', 'u-2')).not.toBe(a);
    expect(cacheFilePath(dir, 'http://127.0.0.1:4701', 'u-1')).not.toBe(a);
    expect(a).not.toMatch(/u-1|4700/);
  });
});
