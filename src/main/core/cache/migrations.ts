import type Database from 'better-sqlite3';

/*
 * The local cache's schema, as numbered migrations applied in order inside one transaction each;
 * `PRAGMA user_version` records how far a file has come. Never edit a shipped migration: add one.
 *
 * Synced rows keep the server's `data` JSON as received plus the columns the workstation queries
 * and indexes. Conversations and messages get tables of their own (the big, hot ones); every
 * other entity shares `entities`. Text is indexed with the shared segmentation (indexTokens)
 * in contentless FTS5 tables keyed by the row's rid, so the index holds no second copy of it.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: synced rows, sync state, outbox, drafts, read marks, full-text indexes
  `
  CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE entities (
    rid INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (entity, id)
  );

  CREATE TABLE conversations (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    status TEXT NOT NULL,
    queue_id TEXT NOT NULL,
    assignee_id TEXT,
    customer_id TEXT NOT NULL,
    order_id TEXT,
    channel TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    queued_at INTEGER,
    resolved_at INTEGER,
    data TEXT NOT NULL
  );
  CREATE INDEX conversations_by_status ON conversations (status, queue_id);
  CREATE INDEX conversations_by_assignee ON conversations (assignee_id, status);
  CREATE INDEX conversations_by_customer ON conversations (customer_id);

  -- delivery: sent (a server row), pending or failed (this user's optimistic row, seq 0)
  CREATE TABLE messages (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    seq INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    conversation_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sender_kind TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    delivery TEXT NOT NULL DEFAULT 'sent',
    failure TEXT
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at, id);

  CREATE VIRTUAL TABLE messages_fts USING fts5 (tokens, content = '', contentless_delete = 1, tokenize = 'unicode61');
  CREATE VIRTUAL TABLE entities_fts USING fts5 (tokens, content = '', contentless_delete = 1, tokenize = 'unicode61');

  -- pos keeps the order the user wrote in, which is the order they are sent in
  CREATE TABLE outbox (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    effect TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE drafts (conversation_id TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE read_marks (conversation_id TEXT PRIMARY KEY, read_at INTEGER NOT NULL) WITHOUT ROWID;
  `,
  // 2: history search finds conversations by order id
  `
  CREATE INDEX conversations_by_order ON conversations (order_id) WHERE order_id IS NOT NULL;
  `,
  // 3: offline review sets: what a reviewer made available offline, and which conversations each holds
  `
  CREATE TABLE offline_sets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    filter TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('preparing', 'ready', 'failed')),
    conversations INTEGER NOT NULL DEFAULT 0,
    rows INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    created_at INTEGER NOT NULL,
    prepared_at INTEGER
  ) WITHOUT ROWID;
  -- pos keeps the server's order (created_at, id), the order a reviewer works through the set in
  CREATE TABLE offline_set_conversations (
    set_id TEXT NOT NULL REFERENCES offline_sets (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    conversation_id TEXT NOT NULL,
    PRIMARY KEY (set_id, pos)
  ) WITHOUT ROWID;
  CREATE INDEX offline_set_conversations_by_conversation ON offline_set_conversations (conversation_id);
  `,
  // 4: history search's "has a file" filter reads only the messages that carry one (the row
  // writer stores JSON.stringify's text, where a non-empty list reads exactly like this)
  `
  CREATE INDEX messages_with_files ON messages (conversation_id) WHERE instr(data, '"attachments":[{') > 0;
  `,
  // 5: history search. A search with no text lists the newest conversations without sorting them
  // all; the shop filter (the shop exists only in the row's JSON) reads an index of it; and a text
  // search checks each match's conversation against the filters from one small index entry
  // instead of the conversation's row (a third less time for a queue filter at 1M messages); a
  // short date range collects its messages first instead of reading every newer match
  `
  CREATE INDEX conversations_by_time ON conversations (created_at);
  CREATE INDEX conversations_by_shop ON conversations (json_extract(data, '$.shopId'));
  CREATE INDEX conversations_filters ON conversations (id, queue_id, assignee_id, status, customer_id, channel, order_id);
  CREATE INDEX messages_by_time ON messages (created_at);
  `,
];

/** Brings the file up to the newest schema; returns the version it found. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > migrations.length) {
    throw new Error(`the cache file is from a newer Seatdesk (schema ${found}, this one knows ${migrations.length})`);
  }
  for (let version = found; version < migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return found;
}
