import type Database from 'better-sqlite3';
import type { Conversation, ConversationStatus, Message } from '../../../shared/domain/conversations';
import type { HistoryHit, HistoryResult } from '../../../shared/domain/workstation';
import type { HistorySearchArgsSchema } from '../../../shared/domain/workstation';
import { ftsMatch, highlightTerms, maskPii } from '../../../shared/text';
import type { z } from 'zod';
import { snippetOf } from './snippet';

type Args = z.output<typeof HistorySearchArgsSchema>;

/** Recency half-weight: a match this old ranks as if its bm25 were halved. */
const RECENCY_MS = 30 * 24 * 3600 * 1000;
/** How many of the newest matches are ranked, without and with filters. */
const RANK_WINDOW = 1_000;
const FILTERED_WINDOW = 10_000;

interface ConversationJoin {
  conversation_id: string;
  status: ConversationStatus;
  queue_id: string;
  customer_id: string;
  channel: Conversation['channel'];
  created_at: number;
}

/** The conversation columns every hit carries. */
const HIT_COLUMNS = 'c.id AS conversation_id, c.status, c.queue_id, c.customer_id, c.channel, c.created_at';

/**
 * Conversations with a file in a message: one set read from the partial index messages_with_files
 * (cache migration 4, same condition), so the filter costs the messages with files, not every
 * message of every candidate (an EXISTS per candidate took 0.4–0.8 s at 200k messages).
 */
export const WITH_FILES = `c.id IN (SELECT a.conversation_id FROM messages a WHERE instr(a.data, '"attachments":[{') > 0 AND a.deleted = 0)`;
/**
 * Conversations with a QC flag not dismissed: one set built per query (the flags table is small
 * next to the messages), rather than a JSON lookup per candidate.
 */
const FLAGGED =
  "c.id IN (SELECT json_extract(q.data, '$.conversationId') FROM entities q WHERE q.entity = 'qc_flags' AND q.deleted = 0 AND json_extract(q.data, '$.status') <> 'dismissed')";

/** The conversation filters as SQL over `c` (conversations) and the timestamp column given. */
function filters(args: Args, at: string): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (args.from !== undefined) add(`${at} >= ?`, args.from);
  if (args.to !== undefined) add(`${at} <= ?`, args.to);
  if (args.queueId) add('c.queue_id = ?', args.queueId);
  if (args.agentId) add('c.assignee_id = ?', args.agentId);
  if (args.status) add('c.status = ?', args.status);
  if (args.customerId) add('c.customer_id = ?', args.customerId);
  if (args.channel) add('c.channel = ?', args.channel);
  if (args.orderId) add('c.order_id = ?', args.orderId);
  // shopId lives only in the row's JSON; a substring test of JSON.stringify's form is cheaper than parsing every candidate.
  if (args.shopId) add('instr(c.data, ?) > 0', `"shopId":${JSON.stringify(args.shopId)}`);
  // Yes/no filters add SQL but no parameter: the SQL text (and so the prepared statement) differs per choice.
  if (args.hasAttachment !== undefined) parts.push(args.hasAttachment ? WITH_FILES : `NOT ${WITH_FILES}`);
  if (args.qcFlagged !== undefined) parts.push(args.qcFlagged ? FLAGGED : `NOT ${FLAGGED}`);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * History search over the cache: messages by full text (FTS5 over the shared segmentation,
 * ftsMatch as the server builds it), ranked by bm25 blended with recency, plus the conversations
 * whose customer name, order id or ticket title matches. Filters narrow both. Snippets carry highlight ranges.
 */
export class HistorySearch {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly customerName;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.customerName = db.prepare<[string], { name: string | null }>(
      "SELECT json_extract(data, '$.name') AS name FROM entities WHERE entity = 'customers' AND id = ?",
    );
  }

  search(args: Args): HistoryResult {
    const started = performance.now();
    const match = ftsMatch(args.query);
    const hits = match === null ? this.recent(args) : [...this.conversationHits(match, args), ...this.messageHits(match, args)].slice(0, args.limit);
    return { hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  private messageHits(match: string, args: Args): HistoryHit[] {
    const where = filters(args, 'm.created_at');
    // Only the newest matches are ranked (rids grow as rows arrive, so rowid order is arrival
    // order): scoring every match of a one-character query over a million messages would take
    // hundreds of milliseconds. Filters widen the window, since they drop most candidates.
    const window = where.sql.length > 0 ? FILTERED_WINDOW : RANK_WINDOW;
    const sql = `
      SELECT m.id, m.data, c.id AS conversation_id, c.status, c.queue_id, c.customer_id, c.channel, m.created_at
      FROM (SELECT rowid AS rid, bm25(messages_fts) AS score FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ${window}) f
      JOIN messages m ON m.rid = f.rid JOIN conversations c ON c.id = m.conversation_id
      WHERE m.deleted = 0${where.sql}
      ORDER BY f.score / (1.0 + (? - m.created_at) / ${RECENCY_MS}.0) LIMIT ?`;
    const rows = this.statement(sql).all(match, ...where.params, this.now(), args.limit) as (ConversationJoin & { id: string; data: string })[];
    const terms = highlightTerms(args.query);
    return rows.map((row) => {
      const message = JSON.parse(row.data) as Message;
      return { ...this.hitBase(row), kind: 'message', messageId: row.id, ...snippetOf(maskPii(message.body), terms) };
    });
  }

  /** Conversations whose customer (name, tags), order id or ticket title matches: a few, ahead of the messages. */
  private conversationHits(match: string, args: Args): HistoryHit[] {
    const where = filters(args, 'c.created_at');
    const sql = `
      WITH found AS (
        SELECT e.entity, e.id, coalesce(json_extract(e.data, '$.name'), json_extract(e.data, '$.title')) AS name,
          json_extract(e.data, '$.conversationId') AS conversation_ref
        FROM entities_fts JOIN entities e ON e.rid = entities_fts.rowid
        WHERE entities_fts MATCH ? AND e.entity IN ('customers', 'orders', 'tickets') ORDER BY bm25(entities_fts) LIMIT 20)
      SELECT * FROM (
        SELECT ${HIT_COLUMNS}, found.entity, found.id AS found_id, found.name
        FROM found JOIN conversations c ON c.customer_id = found.id WHERE found.entity = 'customers' AND c.deleted = 0${where.sql}
        UNION ALL
        SELECT ${HIT_COLUMNS}, found.entity, found.id AS found_id, found.name
        FROM found JOIN conversations c ON c.order_id = found.id WHERE found.entity = 'orders' AND c.deleted = 0${where.sql}
        UNION ALL
        SELECT ${HIT_COLUMNS}, found.entity, found.id AS found_id, found.name
        FROM found JOIN conversations c ON c.id = found.conversation_ref WHERE found.entity = 'tickets' AND c.deleted = 0${where.sql})
      ORDER BY created_at DESC LIMIT 10`;
    const rows = this.statement(sql).all(match, ...where.params, ...where.params, ...where.params) as (ConversationJoin & { entity: string; found_id: string; name: string | null })[];
    const terms = highlightTerms(args.query);
    return rows.map((row) => ({
      ...this.hitBase(row),
      kind: 'conversation',
      messageId: null,
      // An order id is no personal data; names and ticket titles may hold some.
      ...snippetOf(row.entity === 'orders' ? row.found_id : maskPii(row.name ?? ''), terms),
    }));
  }

  /** No searchable text: the newest conversations that pass the filters. */
  private recent(args: Args): HistoryHit[] {
    const where = filters(args, 'c.created_at');
    const sql = `SELECT ${HIT_COLUMNS} FROM conversations c
      WHERE c.deleted = 0${where.sql} ORDER BY c.created_at DESC LIMIT ?`;
    const rows = this.statement(sql).all(...where.params, args.limit) as ConversationJoin[];
    return rows.map((row) => ({ ...this.hitBase(row), kind: 'conversation', messageId: null, snippet: '', ranges: [] }));
  }

  private hitBase(row: ConversationJoin) {
    const name = this.customerName.get(row.customer_id)?.name;
    return {
      conversationId: row.conversation_id,
      createdAt: row.created_at,
      customerId: row.customer_id,
      customerName: name ? maskPii(name) : null,
      queueId: row.queue_id,
      channel: row.channel,
      status: row.status,
    };
  }
}
