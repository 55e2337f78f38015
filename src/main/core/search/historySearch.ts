import type Database from 'better-sqlite3';
import type { Conversation, ConversationStatus } from '../../../shared/domain/conversations';
import type { HistoryHit, HistoryResult } from '../../../shared/domain/workstation';
import { ftsMatch, highlightTerms, maskPii } from '../../../shared/text';
import { allFilters, type HistoryArgs as Args } from './historyFilters';
import { MessageCandidates } from './messageCandidates';
import { rankCandidates } from './rank';
import { snippetOf } from './snippet';
import { StatementCache } from './statements';

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
 * History search over the cache: messages by full text (FTS5 over the shared segmentation,
 * ftsMatch as the server builds it), ranked by bm25 blended with recency, plus the conversations
 * whose customer name, order id or ticket title matches. Filters narrow both. Snippets carry highlight ranges.
 */
export class HistorySearch {
  private readonly statements: StatementCache;
  private readonly candidates: MessageCandidates;
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = new StatementCache(db);
    this.candidates = new MessageCandidates(db);
    this.s = {
      customerName: db.prepare<[string], string | null>("SELECT json_extract(data, '$.name') FROM entities WHERE entity = 'customers' AND id = ?").pluck(),
      conversation: db.prepare<[string], ConversationJoin>(`SELECT ${HIT_COLUMNS} FROM conversations c WHERE c.id = ?`),
    };
  }

  search(args: Args): HistoryResult {
    const started = performance.now();
    const match = ftsMatch(args.query);
    const hits = match === null ? this.recent(args) : [...this.conversationHits(match, args), ...this.messageHits(match, args)].slice(0, args.limit);
    return { hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }


  /** The newest matches that pass the filters, ranked by bm25 blended with recency (rank.ts); snippets only for the hits returned. */
  private messageHits(match: string, args: Args): HistoryHit[] {
    const terms = highlightTerms(args.query);
    const candidates = this.candidates.newest(match, args);
    const best = rankCandidates(candidates, terms, this.candidates.weights(terms), this.now(), args.limit);
    return best.flatMap((row) => {
      const conversation = this.s.conversation.get(row.conversation_id);
      return conversation ? [{ ...this.hitBase(conversation), kind: 'message' as const, messageId: row.id, ...snippetOf(maskPii(row.body), terms) }] : [];
    });
  }

  /** Conversations whose customer (name, tags), order id or ticket title matches: a few, ahead of the messages. */
  private conversationHits(match: string, args: Args): HistoryHit[] {
    const where = allFilters(args, 'c.created_at');
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
    const rows = this.statements.get(sql).all(match, ...where.params, ...where.params, ...where.params) as (ConversationJoin & { entity: string; found_id: string; name: string | null })[];
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
    const where = allFilters(args, 'c.created_at');
    const sql = `SELECT ${HIT_COLUMNS} FROM conversations c
      WHERE c.deleted = 0${where.sql} ORDER BY c.created_at DESC LIMIT ?`;
    const rows = this.statements.get(sql).all(...where.params, args.limit) as ConversationJoin[];
    return rows.map((row) => ({ ...this.hitBase(row), kind: 'conversation', messageId: null, snippet: '', ranges: [] }));
  }

  private hitBase(row: ConversationJoin) {
    const name = this.s.customerName.get(row.customer_id);
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
