import { nextSeq } from './seq';
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
  {
    version: 3,
    name: 'domain',
    up(db) {
      // Every synced table carries `seq` (db/seq.ts) and a `deleted` tombstone flag, and is indexed
      // on seq because pull and push read "rows with seq in a range". SQL stays portable (no JSON
      // functions in constraints) so a PostgreSQL store can mirror it; JSON columns are plain text.
      db.exec(`
        CREATE TABLE shops (
          id      TEXT PRIMARY KEY,
          name    TEXT NOT NULL,
          seq     INTEGER NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX shops_by_seq ON shops(seq);

        CREATE TABLE teams (
          id      TEXT PRIMARY KEY,
          name    TEXT NOT NULL,
          kind    TEXT NOT NULL CHECK (kind IN ('platform', 'merchant')),
          shop_id TEXT REFERENCES shops(id),
          seq     INTEGER NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          CHECK ((kind = 'merchant') = (shop_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX teams_by_seq ON teams(seq);

        -- Not synced on its own: membership travels as agents.teamIds, so a change re-stamps the user.
        CREATE TABLE team_members (
          team_id TEXT NOT NULL REFERENCES teams(id),
          user_id TEXT NOT NULL REFERENCES users(id),
          PRIMARY KEY (team_id, user_id)
        ) STRICT;
        CREATE INDEX team_members_by_user ON team_members(user_id, team_id);

        -- Users are the agent directory: they become a synced table.
        ALTER TABLE users ADD COLUMN shop_id TEXT REFERENCES shops(id);
        ALTER TABLE users ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE users ADD COLUMN max_concurrent INTEGER NOT NULL DEFAULT 5 CHECK (max_concurrent >= 0);
        ALTER TABLE users ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE users ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
        CREATE INDEX users_by_seq ON users(seq);
        CREATE INDEX users_by_shop ON users(shop_id);

        CREATE TABLE queues (
          id             TEXT PRIMARY KEY,
          name           TEXT NOT NULL,
          kind           TEXT NOT NULL CHECK (kind IN ('platform', 'merchant', 'escalation', 'feedback')),
          shop_id        TEXT REFERENCES shops(id),
          bot_first      INTEGER NOT NULL DEFAULT 0 CHECK (bot_first IN (0, 1)),
          channels       TEXT NOT NULL DEFAULT '["chat"]',
          hours          TEXT NOT NULL DEFAULT '"24x7"',
          max_concurrent INTEGER CHECK (max_concurrent >= 0),
          seq            INTEGER NOT NULL,
          deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          CHECK ((kind = 'merchant') = (shop_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX queues_by_seq ON queues(seq);
        CREATE INDEX queues_by_shop ON queues(shop_id);

        CREATE TABLE queue_teams (
          queue_id TEXT NOT NULL REFERENCES queues(id),
          team_id  TEXT NOT NULL REFERENCES teams(id),
          PRIMARY KEY (queue_id, team_id)
        ) STRICT;
        CREATE INDEX queue_teams_by_team ON queue_teams(team_id, queue_id);

        -- Contact fields are stored in full here and masked on the way out (customers/masking.ts).
        CREATE TABLE customers (
          id         TEXT PRIMARY KEY,
          name       TEXT NOT NULL,
          level      TEXT NOT NULL DEFAULT 'normal' CHECK (level IN ('normal', 'VIP', 'KOC')),
          tags       TEXT NOT NULL DEFAULT '[]',
          phone      TEXT,
          email      TEXT,
          address    TEXT,
          created_at INTEGER NOT NULL,
          seq        INTEGER NOT NULL,
          deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX customers_by_seq ON customers(seq);

        -- Customer-side credentials, apart from agent sessions; only token hashes are kept.
        CREATE TABLE customer_sessions (
          token_hash  TEXT PRIMARY KEY,
          customer_id TEXT NOT NULL REFERENCES customers(id),
          created_at  INTEGER NOT NULL,
          expires_at  INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX customer_sessions_by_customer ON customer_sessions(customer_id);

        -- Money in whole fen: floating-point yuan would drift.
        CREATE TABLE orders (
          id          TEXT PRIMARY KEY,
          shop_id     TEXT NOT NULL REFERENCES shops(id),
          customer_id TEXT NOT NULL REFERENCES customers(id),
          items       TEXT NOT NULL,
          total_fen   INTEGER NOT NULL CHECK (total_fen >= 0),
          status      TEXT NOT NULL CHECK (status IN ('paid', 'shipped', 'delivered', 'refunding', 'refunded', 'closed')),
          carrier     TEXT,
          tracking_no TEXT,
          created_at  INTEGER NOT NULL,
          seq         INTEGER NOT NULL,
          deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX orders_by_seq ON orders(seq);
        CREATE INDEX orders_by_customer ON orders(customer_id);

        CREATE TABLE conversations (
          id                      TEXT PRIMARY KEY,
          customer_id             TEXT NOT NULL REFERENCES customers(id),
          queue_id                TEXT NOT NULL REFERENCES queues(id),
          shop_id                 TEXT REFERENCES shops(id),
          channel                 TEXT NOT NULL CHECK (channel IN ('chat', 'comment', 'dm', 'feedback')),
          status                  TEXT NOT NULL CHECK (status IN ('bot', 'queued', 'assigned', 'waiting_customer', 'resolved', 'closed')),
          assignee_id             TEXT REFERENCES users(id),
          order_id                TEXT,
          created_at              INTEGER NOT NULL,
          queued_at               INTEGER,
          assigned_at             INTEGER,
          first_response_at       INTEGER,
          last_customer_at        INTEGER,
          last_agent_at           INTEGER,
          resolved_at             INTEGER,
          closed_at               INTEGER,
          category                TEXT,
          csat                    INTEGER CHECK (csat BETWEEN 1 AND 5),
          escalated_from_queue_id TEXT REFERENCES queues(id),
          seq                     INTEGER NOT NULL,
          deleted                 INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX conversations_by_seq ON conversations(seq);
        CREATE INDEX conversations_by_customer ON conversations(customer_id);
        CREATE INDEX conversations_by_queue ON conversations(queue_id, status);
        CREATE INDEX conversations_by_assignee ON conversations(assignee_id, status);

        -- Everyone who is or was working on a conversation: the agent visibility rule reads it.
        CREATE TABLE conversation_participants (
          conversation_id TEXT NOT NULL REFERENCES conversations(id),
          user_id         TEXT NOT NULL REFERENCES users(id),
          role            TEXT NOT NULL CHECK (role IN ('assignee', 'former')),
          since           INTEGER NOT NULL,
          PRIMARY KEY (conversation_id, user_id)
        ) STRICT;
        CREATE INDEX conversation_participants_by_user ON conversation_participants(user_id, conversation_id);

        -- Every queue a conversation is or was in: leads see what passed through their teams' queues.
        CREATE TABLE conversation_queues (
          conversation_id TEXT NOT NULL REFERENCES conversations(id),
          queue_id        TEXT NOT NULL REFERENCES queues(id),
          since           INTEGER NOT NULL,
          PRIMARY KEY (conversation_id, queue_id)
        ) STRICT;
        CREATE INDEX conversation_queues_by_queue ON conversation_queues(queue_id, conversation_id);

        -- platform_only marks notes written on the platform side, which merchant users never receive.
        CREATE TABLE messages (
          id                 TEXT PRIMARY KEY,
          conversation_id    TEXT NOT NULL REFERENCES conversations(id),
          sender_kind        TEXT NOT NULL CHECK (sender_kind IN ('customer', 'agent', 'bot', 'system')),
          sender_id          TEXT,
          kind               TEXT NOT NULL CHECK (kind IN ('text', 'note', 'event')),
          body               TEXT NOT NULL,
          meta               TEXT,
          article_id         TEXT,
          platform_only      INTEGER NOT NULL DEFAULT 0 CHECK (platform_only IN (0, 1)),
          created_at         INTEGER NOT NULL,
          client_mutation_id TEXT,
          seq                INTEGER NOT NULL,
          deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX messages_by_seq ON messages(seq);
        CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at);
        -- A sender's retry with the same client id finds the message it already sent.
        CREATE UNIQUE INDEX messages_by_client_id ON messages(sender_id, client_mutation_id) WHERE client_mutation_id IS NOT NULL;

        CREATE TABLE kb_articles (
          id         TEXT PRIMARY KEY,
          title      TEXT NOT NULL,
          body       TEXT NOT NULL,
          category   TEXT NOT NULL,
          tags       TEXT NOT NULL DEFAULT '[]',
          keywords   TEXT NOT NULL DEFAULT '[]',
          questions  TEXT NOT NULL DEFAULT '[]',
          shop_id    TEXT REFERENCES shops(id),
          updated_at INTEGER NOT NULL,
          seq        INTEGER NOT NULL,
          deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX kb_articles_by_seq ON kb_articles(seq);

        CREATE TABLE kb_article_teams (
          article_id TEXT NOT NULL REFERENCES kb_articles(id),
          team_id    TEXT NOT NULL REFERENCES teams(id),
          PRIMARY KEY (article_id, team_id)
        ) STRICT;
        CREATE INDEX kb_article_teams_by_team ON kb_article_teams(team_id, article_id);

        CREATE TABLE canned_replies (
          id         TEXT PRIMARY KEY,
          scope      TEXT NOT NULL CHECK (scope IN ('team', 'personal')),
          team_id    TEXT REFERENCES teams(id),
          owner_id   TEXT REFERENCES users(id),
          shortcut   TEXT NOT NULL,
          title      TEXT NOT NULL,
          body       TEXT NOT NULL,
          updated_at INTEGER NOT NULL,
          seq        INTEGER NOT NULL,
          deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          CHECK ((scope = 'team') = (team_id IS NOT NULL AND owner_id IS NULL)),
          CHECK ((scope = 'personal') = (owner_id IS NOT NULL AND team_id IS NULL))
        ) STRICT;
        CREATE INDEX canned_replies_by_seq ON canned_replies(seq);

        -- At-most-once mutations: written in the transaction of the mutation's effects.
        CREATE TABLE applied_mutations (
          client_id   TEXT NOT NULL,
          mutation_id TEXT NOT NULL,
          user_id     TEXT NOT NULL REFERENCES users(id),
          outcome     TEXT NOT NULL,
          applied_at  INTEGER NOT NULL,
          PRIMARY KEY (client_id, mutation_id)
        ) STRICT;
        CREATE INDEX applied_mutations_by_time ON applied_mutations(applied_at);

        -- Who did what to personal data (reveals). detail never holds the revealed value.
        CREATE TABLE audit_log (
          id      TEXT PRIMARY KEY,
          at      INTEGER NOT NULL,
          user_id TEXT,
          action  TEXT NOT NULL,
          target  TEXT NOT NULL,
          detail  TEXT NOT NULL DEFAULT '{}'
        ) STRICT;
        CREATE INDEX audit_log_by_at ON audit_log(at);
        CREATE INDEX audit_log_by_target ON audit_log(target, at);
      `);
      // Users that existed before this migration join the sync stream with fresh numbers.
      const ids = db.prepare<[], { id: string }>('SELECT id FROM users ORDER BY created_at, id').all();
      const stamp = db.prepare<[number, string]>('UPDATE users SET seq = ? WHERE id = ?');
      for (const { id } of ids) stamp.run(nextSeq(db), id);
    },
  },
  {
    version: 4,
    name: 'tickets_followups_qc_sla_kb_search',
    up(db) {
      // One migration for the features built on the domain spine, so they can be built side by side.
      db.exec(`
        -- Work that outlives a chat. department_team_id is the team (department) holding the ticket.
        CREATE TABLE tickets (
          id                 TEXT PRIMARY KEY,
          conversation_id    TEXT REFERENCES conversations(id),
          customer_id        TEXT REFERENCES customers(id),
          shop_id            TEXT REFERENCES shops(id),
          department_team_id TEXT NOT NULL REFERENCES teams(id),
          title              TEXT NOT NULL,
          description        TEXT NOT NULL DEFAULT '',
          category           TEXT NOT NULL,
          priority           TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
          status             TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'resolved', 'closed')),
          assignee_id        TEXT REFERENCES users(id),
          creator_id         TEXT NOT NULL REFERENCES users(id),
          due_at             INTEGER,
          created_at         INTEGER NOT NULL,
          updated_at         INTEGER NOT NULL,
          resolved_at        INTEGER,
          closed_at          INTEGER,
          seq                INTEGER NOT NULL,
          deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX tickets_by_seq ON tickets(seq);
        CREATE INDEX tickets_by_department ON tickets(department_team_id, status);
        CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status);
        CREATE INDEX tickets_by_customer ON tickets(customer_id);
        CREATE INDEX tickets_by_conversation ON tickets(conversation_id);

        -- A ticket's timeline: comments, status changes, transfers, assignments. meta is JSON text.
        CREATE TABLE ticket_events (
          id         TEXT PRIMARY KEY,
          ticket_id  TEXT NOT NULL REFERENCES tickets(id),
          kind       TEXT NOT NULL CHECK (kind IN ('created', 'comment', 'status', 'transfer', 'assign', 'update')),
          actor_id   TEXT REFERENCES users(id),
          body       TEXT NOT NULL DEFAULT '',
          meta       TEXT NOT NULL DEFAULT '{}',
          created_at INTEGER NOT NULL,
          seq        INTEGER NOT NULL,
          deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX ticket_events_by_seq ON ticket_events(seq);
        CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, created_at);

        -- "Answer this by then": on a conversation or a ticket, for one agent.
        CREATE TABLE followups (
          id              TEXT PRIMARY KEY,
          conversation_id TEXT REFERENCES conversations(id),
          ticket_id       TEXT REFERENCES tickets(id),
          agent_id        TEXT NOT NULL REFERENCES users(id),
          creator_id      TEXT NOT NULL REFERENCES users(id),
          due_at          INTEGER NOT NULL,
          note            TEXT NOT NULL DEFAULT '',
          done_at         INTEGER,
          created_at      INTEGER NOT NULL,
          seq             INTEGER NOT NULL,
          deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          CHECK (conversation_id IS NOT NULL OR ticket_id IS NOT NULL)
        ) STRICT;
        CREATE INDEX followups_by_seq ON followups(seq);
        CREATE INDEX followups_by_agent ON followups(agent_id, done_at, due_at);

        -- Quality flags raised on a message: customer keywords or agent violations; a lead reviews them.
        CREATE TABLE qc_flags (
          id              TEXT PRIMARY KEY,
          conversation_id TEXT NOT NULL REFERENCES conversations(id),
          message_id      TEXT NOT NULL REFERENCES messages(id),
          rule_id         TEXT NOT NULL,
          side            TEXT NOT NULL CHECK (side IN ('customer', 'agent')),
          severity        TEXT NOT NULL CHECK (severity IN ('info', 'warn', 'block')),
          agent_id        TEXT REFERENCES users(id),
          excerpt         TEXT NOT NULL DEFAULT '',
          status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
          reviewed_by     TEXT REFERENCES users(id),
          reviewed_at     INTEGER,
          created_at      INTEGER NOT NULL,
          seq             INTEGER NOT NULL,
          deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
        ) STRICT;
        CREATE INDEX qc_flags_by_seq ON qc_flags(seq);
        CREATE INDEX qc_flags_by_conversation ON qc_flags(conversation_id);
        CREATE INDEX qc_flags_by_agent ON qc_flags(agent_id, status);

        -- SLA breaches that already fired (sla/slaScheduler.ts keys): a restart never fires one twice.
        CREATE TABLE sla_breaches (
          key             TEXT PRIMARY KEY,
          conversation_id TEXT NOT NULL REFERENCES conversations(id),
          kind            TEXT NOT NULL,
          due_at          INTEGER NOT NULL,
          fired_at        INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX sla_breaches_by_conversation ON sla_breaches(conversation_id);

        -- Full-text index of the KB for the bot and KB search: segmented tokens (shared/text), unicode61.
        CREATE VIRTUAL TABLE kb_search USING fts5(
          article_id UNINDEXED,
          title,
          body,
          tokenize = 'unicode61 remove_diacritics 2'
        );
      `);
    },
  },
  {
    version: 5,
    name: 'attachments_and_read_positions',
    up(db) {
      db.exec(`
        -- Uploaded files: the bytes live under the data folder by SHA-256 (one copy per content),
        -- this row is one upload of them. conversation_id and message_id are set when a message
        -- takes the attachment; until then only its uploader may read it.
        CREATE TABLE attachments (
          id              TEXT PRIMARY KEY,
          sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
          name            TEXT NOT NULL,
          mime            TEXT NOT NULL,
          size            INTEGER NOT NULL CHECK (size >= 0),
          uploader_kind   TEXT NOT NULL CHECK (uploader_kind IN ('agent', 'customer')),
          uploader_id     TEXT NOT NULL,
          conversation_id TEXT REFERENCES conversations(id),
          message_id      TEXT REFERENCES messages(id),
          created_at      INTEGER NOT NULL,
          CHECK ((conversation_id IS NULL) = (message_id IS NULL))
        ) STRICT;
        CREATE INDEX attachments_by_conversation ON attachments(conversation_id);
        CREATE INDEX attachments_by_sha256 ON attachments(sha256);

        -- What a message carries of its attachments (id, name, mime, size as JSON text), so a
        -- synced message row is complete on its own; attachments never change once sent.
        ALTER TABLE messages ADD COLUMN attachments TEXT;

        -- How far each side has read a conversation: the newest message id it has seen.
        CREATE TABLE conversation_reads (
          conversation_id TEXT NOT NULL REFERENCES conversations(id),
          reader_kind     TEXT NOT NULL CHECK (reader_kind IN ('agent', 'customer')),
          reader_id       TEXT NOT NULL,
          message_id      TEXT NOT NULL REFERENCES messages(id),
          read_at         INTEGER NOT NULL,
          PRIMARY KEY (conversation_id, reader_kind, reader_id)
        ) STRICT;
      `);
    },
  },
  {
    version: 6,
    name: 'monitor_alert_rules_and_kpi_indexes',
    up(db) {
      db.exec(`
        -- A lead's monitor thresholds (shared/api/monitor.ts AlertRules as JSON text): one row per lead.
        CREATE TABLE monitor_alert_rules (
          user_id    TEXT PRIMARY KEY REFERENCES users(id),
          rules      TEXT NOT NULL DEFAULT '{}',
          updated_at INTEGER NOT NULL
        ) STRICT;

        -- The monitor and reports read "entered a queue / answered / resolved in a time range":
        -- without these they would scan every conversation a queue or agent ever had.
        CREATE INDEX conversations_by_queue_queued ON conversations(queue_id, queued_at);
        CREATE INDEX conversations_by_escalated_from ON conversations(escalated_from_queue_id, queued_at);
        CREATE INDEX conversations_by_assignee_agent_at ON conversations(assignee_id, last_agent_at);
        CREATE INDEX conversations_by_assignee_resolved ON conversations(assignee_id, resolved_at);
      `);
    },
  },
  {
    version: 7,
    name: 'conversation_reviews',
    up(db) {
      db.exec(`
        -- A reviewer's verdict on a whole conversation (reviews/): one row per reviewer and
        -- conversation, replaced by a later verdict; a fail names the QC rule broken.
        CREATE TABLE reviews (
          id              TEXT PRIMARY KEY,
          conversation_id TEXT NOT NULL REFERENCES conversations(id),
          reviewer_id     TEXT NOT NULL REFERENCES users(id),
          verdict         TEXT NOT NULL CHECK (verdict IN ('pass', 'fail')),
          rule_id         TEXT,
          note            TEXT NOT NULL DEFAULT '',
          created_at      INTEGER NOT NULL,
          updated_at      INTEGER NOT NULL,
          seq             INTEGER NOT NULL,
          deleted         INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          UNIQUE (conversation_id, reviewer_id),
          CHECK ((verdict = 'fail') = (rule_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX reviews_by_seq ON reviews(seq);
        CREATE INDEX reviews_by_reviewer ON reviews(reviewer_id);

        -- Review sets are "a queue (or all) over a date range": without these a set reads every
        -- conversation the server holds.
        CREATE INDEX conversations_by_created ON conversations(created_at);
        CREATE INDEX conversations_by_queue_created ON conversations(queue_id, created_at);
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
