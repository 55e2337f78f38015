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

describe('migration 3: domain', () => {
  const SYNCED = ['shops', 'teams', 'users', 'queues', 'customers', 'orders', 'conversations', 'messages', 'kb_articles', 'canned_replies'];

  function indexes(db: SqliteDatabase, table: string): { name: string; columns: string[]; unique: boolean }[] {
    return db
      .prepare<[string], { name: string; unique: number }>("SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin = 'c'")
      .all(table)
      .map((i) => ({
        name: i.name,
        unique: i.unique === 1,
        columns: db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?)').all(i.name).map((c) => c.name),
      }));
  }

  it('creates the domain tables', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        ...SYNCED,
        'team_members',
        'queue_teams',
        'customer_sessions',
        'conversation_participants',
        'conversation_queues',
        'kb_article_teams',
        'applied_mutations',
        'audit_log',
      ]),
    );
  });

  it('gives every synced table seq and deleted, and an index on seq', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    for (const table of SYNCED) {
      expect(columns(db, table), table).toEqual(expect.arrayContaining(['id', 'seq', 'deleted']));
      expect(indexes(db, table).some((i) => i.columns.length === 1 && i.columns[0] === 'seq'), `${table} seq index`).toBe(true);
    }
  });

  it('has the columns the domain needs', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    expect(columns(db, 'users')).toEqual([
      'id', 'username', 'display_name', 'role', 'team_kind', 'password_hash', 'created_at',
      'shop_id', 'skills', 'max_concurrent', 'seq', 'deleted',
    ]);
    expect(columns(db, 'conversations')).toEqual([
      'id', 'customer_id', 'queue_id', 'shop_id', 'channel', 'status', 'assignee_id', 'order_id', 'created_at', 'queued_at',
      'assigned_at', 'first_response_at', 'last_customer_at', 'last_agent_at', 'resolved_at', 'closed_at', 'category', 'csat',
      'escalated_from_queue_id', 'seq', 'deleted',
    ]);
    expect(columns(db, 'messages')).toEqual([
      'id', 'conversation_id', 'sender_kind', 'sender_id', 'kind', 'body', 'meta', 'article_id', 'platform_only', 'created_at',
      'client_mutation_id', 'seq', 'deleted',
    ]);
    expect(columns(db, 'customers')).toEqual(['id', 'name', 'level', 'tags', 'phone', 'email', 'address', 'created_at', 'seq', 'deleted']);
    expect(columns(db, 'orders')).toEqual([
      'id', 'shop_id', 'customer_id', 'items', 'total_fen', 'status', 'carrier', 'tracking_no', 'created_at', 'seq', 'deleted',
    ]);
    expect(columns(db, 'applied_mutations')).toEqual(['client_id', 'mutation_id', 'user_id', 'outcome', 'applied_at']);
    expect(columns(db, 'audit_log')).toEqual(['id', 'at', 'user_id', 'action', 'target', 'detail']);
    expect(columns(db, 'canned_replies')).toEqual([
      'id', 'scope', 'team_id', 'owner_id', 'shortcut', 'title', 'body', 'updated_at', 'seq', 'deleted',
    ]);
  });

  it('indexes the lookups scope and lifecycle rely on', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    const has = (table: string, cols: string[]) => indexes(db, table).some((i) => i.columns.join() === cols.join());
    expect(has('team_members', ['user_id', 'team_id'])).toBe(true);
    expect(has('conversation_participants', ['user_id', 'conversation_id'])).toBe(true);
    expect(has('conversation_queues', ['queue_id', 'conversation_id'])).toBe(true);
    expect(has('messages', ['conversation_id', 'created_at'])).toBe(true);
    expect(has('conversations', ['assignee_id', 'status'])).toBe(true);
    expect(has('orders', ['customer_id'])).toBe(true);
    expect(indexes(db, 'messages').find((i) => i.name === 'messages_by_client_id')).toMatchObject({ unique: true });
  });

  it('enforces the enumerations and the team / shop pairing', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO shops (id, name, seq) VALUES ('s1', 'Shop', 1)").run();
    expect(() => db.prepare("INSERT INTO teams (id, name, kind, shop_id, seq) VALUES ('t1', 'T', 'merchant', NULL, 2)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO teams (id, name, kind, shop_id, seq) VALUES ('t2', 'T', 'platform', 's1', 2)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO customers (id, name, created_at, seq) VALUES ('c1', 'C', 0, 3)").run();
    expect(() => db.prepare("INSERT INTO customers (id, name, level, created_at, seq) VALUES ('c2', 'C', 'gold', 0, 4)").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO canned_replies (id, scope, team_id, owner_id, shortcut, title, body, updated_at, seq) VALUES ('r', 'team', NULL, NULL, 'a', 'b', 'c', 0, 5)").run(),
    ).toThrow(/CHECK/);
  });

  it('gives users that existed before it fresh seq numbers, and fresh users a shop-less seat of 5', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    const insert = db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('u1', 'a', 'A', 'agent', 'platform', 'h', 1);
    insert.run('u2', 'b', 'B', 'lead', 'platform', 'h', 2);
    applyMigrations(db);
    expect(db.prepare('SELECT id, seq, deleted, max_concurrent, skills, shop_id FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', seq: 1, deleted: 0, max_concurrent: 5, skills: '[]', shop_id: null },
      { id: 'u2', seq: 2, deleted: 0, max_concurrent: 5, skills: '[]', shop_id: null },
    ]);
    expect(db.prepare('SELECT value FROM seq_counter').get()).toEqual({ value: 2 });
  });
});

describe('openServerDatabase', () => {
  it('creates server.db in WAL mode and reopens it without re-running migrations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seatdesk-db-'));
    try {
      const first = openServerDatabase(join(dir, 'nested'));
      expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(first.pragma('foreign_keys', { simple: true })).toBe(1);
      // FULL: an acknowledged message survives a power cut, not only a process crash.
      expect(first.pragma('synchronous', { simple: true })).toBe(2);
      first.close();
      const second = openServerDatabase(join(dir, 'nested'));
      expect(schemaVersion(second)).toBe(MIGRATIONS.length);
      second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 4: tickets_followups_qc_sla_kb_search', () => {
  it('creates the synced tables with seq and deleted', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 4));
    for (const table of ['tickets', 'ticket_events', 'followups', 'qc_flags']) {
      expect(columns(db, table), table).toEqual(expect.arrayContaining(['id', 'seq', 'deleted']));
    }
    expect(columns(db, 'sla_breaches')).toEqual(['key', 'conversation_id', 'kind', 'due_at', 'fired_at']);
  });

  it('enforces ticket status and priority, and a follow-up needs a conversation or a ticket', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO teams (id, name, kind, seq) VALUES ('t1', 'T', 'platform', 1)").run();
    db.prepare("INSERT INTO users (id, username, display_name, role, team_kind, password_hash, created_at, seq) VALUES ('u1', 'u', 'U', 'agent', 'platform', 'h', 0, 2)").run();
    const ticket = db.prepare(
      "INSERT INTO tickets (id, department_team_id, title, category, priority, status, creator_id, created_at, updated_at, seq) VALUES (?, 't1', 'x', 'c', ?, ?, 'u1', 0, 0, 3)",
    );
    ticket.run('k1', 'high', 'pending');
    expect(() => ticket.run('k2', 'whenever', 'pending')).toThrow(/CHECK/);
    expect(() => ticket.run('k3', 'low', 'open')).toThrow(/CHECK/);
    const followup = db.prepare("INSERT INTO followups (id, conversation_id, ticket_id, agent_id, creator_id, due_at, created_at, seq) VALUES (?, NULL, ?, 'u1', 'u1', 0, 0, 4)");
    followup.run('f1', 'k1');
    expect(() => followup.run('f2', null)).toThrow(/CHECK/);
  });

  it('indexes segmented KB text so a two-character Chinese word matches', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 4));
    db.prepare('INSERT INTO kb_search (article_id, title, body) VALUES (?, ?, ?)').run('a1', '退款 流程', '申请 退款 后 三 天 到账');
    db.prepare('INSERT INTO kb_search (article_id, title, body) VALUES (?, ?, ?)').run('a2', '修改 密码', '忘记 密码 怎么 办');
    const hits = db.prepare<[string], { article_id: string }>('SELECT article_id FROM kb_search WHERE kb_search MATCH ? ORDER BY bm25(kb_search)').all('退款');
    expect(hits.map((h) => h.article_id)).toEqual(['a1']);
  });
});

describe('migration 5: attachments_and_read_positions', () => {
  function seedConversation(db: SqliteDatabase): void {
    db.prepare("INSERT INTO queues (id, name, kind, seq) VALUES ('q1', 'Q', 'platform', 1)").run();
    db.prepare("INSERT INTO customers (id, name, created_at, seq) VALUES ('c1', 'C', 0, 2)").run();
    db.prepare("INSERT INTO conversations (id, customer_id, queue_id, channel, status, created_at, seq) VALUES ('v1', 'c1', 'q1', 'chat', 'queued', 0, 3)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, sender_kind, kind, body, created_at, seq) VALUES ('m1', 'v1', 'customer', 'text', 'hi', 0, 4)").run();
  }

  it('adds the attachments and read-position tables and the message attachments column', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 5));
    expect(columns(db, 'attachments')).toEqual([
      'id', 'sha256', 'name', 'mime', 'size', 'uploader_kind', 'uploader_id', 'conversation_id', 'message_id', 'created_at',
    ]);
    expect(columns(db, 'conversation_reads')).toEqual(['conversation_id', 'reader_kind', 'reader_id', 'message_id', 'read_at']);
    expect(columns(db, 'messages')).toContain('attachments');
  });

  it('binds an attachment to a conversation and a message together or not at all, and checks the hash length', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 5));
    seedConversation(db);
    const insert = db.prepare(
      "INSERT INTO attachments (id, sha256, name, mime, size, uploader_kind, uploader_id, conversation_id, message_id, created_at) VALUES (?, ?, 'a.png', 'image/png', 1, 'customer', 'c1', ?, ?, 0)",
    );
    const hash = 'a'.repeat(64);
    insert.run('a1', hash, null, null);
    insert.run('a2', hash, 'v1', 'm1');
    expect(() => insert.run('a3', hash, 'v1', null)).toThrow(/CHECK/);
    expect(() => insert.run('a4', 'short', null, null)).toThrow(/CHECK/);
  });

  it('keeps one read position per reader and conversation', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 5));
    seedConversation(db);
    const insert = db.prepare("INSERT INTO conversation_reads VALUES ('v1', 'customer', 'c1', 'm1', ?)");
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/UNIQUE|PRIMARY/);
  });
});

describe('migration 6: monitor_alert_rules_and_kpi_indexes', () => {
  function indexes(db: SqliteDatabase, table: string): string[] {
    return db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_list(?) ORDER BY name').all(table).map((i) => i.name);
  }

  it('keeps one rule set per lead and indexes conversations by queue entry, escalation origin and agent activity', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 6));
    expect(columns(db, 'monitor_alert_rules')).toEqual(['user_id', 'rules', 'updated_at']);
    db.prepare("INSERT INTO users (id, username, display_name, role, team_kind, password_hash, created_at) VALUES ('l1', 'l1', 'L', 'lead', 'platform', 'x', 0)").run();
    const insert = db.prepare("INSERT INTO monitor_alert_rules (user_id, rules, updated_at) VALUES ('l1', '{}', ?)");
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/UNIQUE|PRIMARY/);
    expect(indexes(db, 'conversations')).toEqual(
      expect.arrayContaining([
        'conversations_by_queue_queued',
        'conversations_by_escalated_from',
        'conversations_by_assignee_agent_at',
        'conversations_by_assignee_resolved',
      ]),
    );
  });
});

describe('migration 7: conversation_reviews', () => {
  it('keeps one verdict per reviewer and conversation, a rule exactly on fail, and indexes sets by date', () => {
    const db = memoryDb();
    applyMigrations(db, MIGRATIONS.slice(0, 7));
    expect(columns(db, 'reviews')).toEqual([
      'id', 'conversation_id', 'reviewer_id', 'verdict', 'rule_id', 'note', 'created_at', 'updated_at', 'seq', 'deleted',
    ]);
    db.prepare("INSERT INTO users (id, username, display_name, role, team_kind, password_hash, created_at) VALUES ('l1', 'l1', 'L', 'lead', 'platform', 'x', 0)").run();
    db.prepare("INSERT INTO customers (id, name, created_at, seq) VALUES ('c1', 'C', 0, 1)").run();
    db.prepare("INSERT INTO queues (id, name, kind, seq) VALUES ('q1', 'Q', 'platform', 2)").run();
    db.prepare("INSERT INTO conversations (id, customer_id, queue_id, channel, status, created_at, seq) VALUES ('v1', 'c1', 'q1', 'chat', 'resolved', 0, 3)").run();
    const insert = db.prepare(
      "INSERT INTO reviews (id, conversation_id, reviewer_id, verdict, rule_id, created_at, updated_at, seq) VALUES (?, 'v1', 'l1', ?, ?, 0, 0, ?)",
    );
    insert.run('r1', 'fail', 'agent.rude', 4);
    expect(() => insert.run('r2', 'pass', null, 5)).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM reviews").run();
    expect(() => insert.run('r3', 'fail', null, 6)).toThrow(/CHECK/);
    expect(() => insert.run('r4', 'pass', 'agent.rude', 7)).toThrow(/CHECK/);
    expect(() => insert.run('r5', 'maybe', null, 8)).toThrow(/CHECK/);
    const names = db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_list(?)').all('conversations').map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['conversations_by_created', 'conversations_by_queue_created']));
  });
});
