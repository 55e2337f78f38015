import type { KbArticle } from '../../shared/domain/kb';
import { stringArray } from '../db/json';
import { highlightRanges, indexTokens, type TextRange } from '../../shared/text';
import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { visibleFilter } from '../scope/predicates';
import type { Scope } from '../scope/scope';
import type { Restamper } from '../sync/restamp';
import { KB_COLUMNS, toArticle, type KbRow } from './rows';
import { kbQuery, type KbMatchMode } from './searchQuery';

/*
 * KB articles, the teams that may see them, and their full-text index (kb_search, migration 4).
 * Every write keeps the index in the same transaction as the article, so a search never sees an
 * article that is not committed, nor misses one that is.
 */

/** Who is searching: a signed-in user (their sync scope), or the bot answering in a queue. */
export type KbAudience = { scope: Scope } | { queueId: string };

export interface KbSearchHit {
  articleId: string;
  title: string;
  body: string;
  /** how customers ask it (the article's `questions`) */
  questions: string[];
  /** relevance, higher is better: FTS5's bm25 negated (it is negative, lower meaning better) */
  score: number;
  /** where the query's terms occur, for marking them */
  highlights: { title: TextRange[]; body: TextRange[] };
}

export interface KbReads {
  article(id: string): (KbArticle & { deleted: boolean }) | null;
  /** Ranked by bm25 with the title weighted higher, best first, only articles the audience may read. */
  search(query: string, audience: KbAudience, limit: number, mode?: KbMatchMode): KbSearchHit[];
}

export interface KbWrites {
  /**
   * Rebuilds the search index when it does not hold exactly the live articles: a database whose
   * articles were written before the index existed (migration 4), or restored without it.
   * Returns how many articles were indexed (0 when the index was in order).
   */
  reindexIfStale(): number;
  insertArticle(tx: WriteTx, article: KbArticle): void;
  /** Creates the article or replaces every field and its team list; stamps and re-indexes it. */
  upsertArticle(tx: WriteTx, article: KbArticle): void;
  /** A tombstone (synced as deleted) that leaves the index. */
  deleteArticle(tx: WriteTx, id: string): void;
}

export type KbStore = KbReads & KbWrites;

/**
 * bm25 column weights (article_id, title, body). A word in the title says what the article is
 * about; the same word in the body may be a side remark. Keywords are indexed with the title,
 * questions (how customers phrase it) with the body.
 */
const TITLE_WEIGHT = 3;
const BODY_WEIGHT = 1;

/** What the index holds for an article: segmented tokens, never the display text. */
function indexed(a: KbArticle): { title: string; body: string } {
  return {
    title: indexTokens([a.title, ...a.keywords].join('\n')),
    body: indexTokens([...a.questions, a.body, a.category, ...a.tags].join('\n')),
  };
}

/** The articles a bot answering in this queue may quote: its teams' articles and its shop's own. */
const QUEUE_FILTER = `(t.id IN (SELECT qkt.article_id FROM kb_article_teams qkt JOIN queue_teams qqt ON qqt.team_id = qkt.team_id
    WHERE qqt.queue_id = @queue_id)
  OR t.shop_id = (SELECT qq.shop_id FROM queues qq WHERE qq.id = @queue_id))`;

export function createKbStore(db: SqliteDatabase, rows: Restamper): KbStore {
  const byId = db.prepare<[string], KbRow>(`SELECT ${KB_COLUMNS} FROM kb_articles t WHERE t.id = ?`);
  const insert = db.prepare(
    `INSERT INTO kb_articles (id, title, body, category, tags, keywords, questions, shop_id, updated_at, seq)
     VALUES (@id, @title, @body, @category, @tags, @keywords, @questions, @shopId, @updatedAt, @seq)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, category = excluded.category,
       tags = excluded.tags, keywords = excluded.keywords, questions = excluded.questions, shop_id = excluded.shop_id,
       updated_at = excluded.updated_at, seq = excluded.seq, deleted = 0`,
  );
  const clearTeams = db.prepare<[string]>('DELETE FROM kb_article_teams WHERE article_id = ?');
  const team = db.prepare<[string, string]>('INSERT INTO kb_article_teams (article_id, team_id) VALUES (?, ?)');
  const index = db.prepare<[string, string, string]>('INSERT INTO kb_search (article_id, title, body) VALUES (?, ?, ?)');
  // article_id is UNINDEXED, so this scans the index's rows; KB edits are rare and the KB small.
  const unindex = db.prepare<[string]>('DELETE FROM kb_search WHERE article_id = ?');

  const counts = db.prepare<[], { indexed: number; live: number }>(
    `SELECT (SELECT COUNT(*) FROM kb_search) AS indexed, (SELECT COUNT(*) FROM kb_articles WHERE deleted = 0) AS live`,
  );
  const liveArticles = db.prepare<[], KbRow>(`SELECT ${KB_COLUMNS} FROM kb_articles t WHERE t.deleted = 0`);
  const clearIndex = db.prepare('DELETE FROM kb_search');

  const searches = new Map<string, NamedStatement<KbRow & { score: number }>>();
  const searchStatement = (filter: string) => {
    let stmt = searches.get(filter);
    if (!stmt) {
      stmt = db.prepare<[Record<string, SqlValue>], KbRow & { score: number }>(
        `SELECT ${KB_COLUMNS}, -bm25(kb_search, 0, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score
         FROM kb_search JOIN kb_articles t ON t.id = kb_search.article_id
         WHERE kb_search MATCH @match AND t.deleted = 0 AND ${filter}
         ORDER BY score DESC, t.id LIMIT @limit`,
      );
      searches.set(filter, stmt);
    }
    return stmt;
  };

  const addToIndex = (a: KbArticle) => {
    const tokens = indexed(a);
    index.run(a.id, tokens.title, tokens.body);
  };
  const write = (tx: WriteTx, a: KbArticle, replace: boolean) => {
    insert.run({
      id: a.id,
      title: a.title,
      body: a.body,
      category: a.category,
      tags: JSON.stringify(a.tags),
      keywords: JSON.stringify(a.keywords),
      questions: JSON.stringify(a.questions),
      shopId: a.shopId,
      updatedAt: a.updatedAt,
      seq: tx.stamp('kb'),
    });
    if (replace) {
      clearTeams.run(a.id);
      unindex.run(a.id);
    }
    for (const teamId of new Set(a.teamIds)) team.run(a.id, teamId);
    addToIndex(a);
  };

  return {
    article: (id) => {
      const row = byId.get(id);
      return row ? { ...toArticle(row), deleted: row.deleted === 1 } : null;
    },
    search: (query, audience, limit, mode = 'all') => {
      const q = kbQuery(query, mode);
      if (q === null || limit <= 0) return [];
      const filter = 'scope' in audience ? visibleFilter('kb', audience.scope) : { sql: QUEUE_FILTER, params: { queue_id: audience.queueId } };
      return searchStatement(filter.sql)
        .all({ ...filter.params, match: q.match, limit })
        .map((row) => ({
          articleId: row.id,
          title: row.title,
          body: row.body,
          questions: stringArray(row.questions),
          score: Math.round(row.score * 1000) / 1000,
          highlights: { title: highlightRanges(row.title, q.terms), body: highlightRanges(row.body, q.terms) },
        }));
    },
    reindexIfStale: () => {
      const { indexed: inIndex, live } = counts.get()!;
      if (inIndex === live) return 0;
      // Not a synced change (no row changes, no seq): a plain transaction, not the writer's.
      return db.transaction(() => {
        clearIndex.run();
        const articles = liveArticles.all().map(toArticle);
        for (const a of articles) addToIndex(a);
        return articles.length;
      })();
    },
    insertArticle: (tx, a) => write(tx, a, false),
    upsertArticle: (tx, a) => write(tx, a, true),
    deleteArticle: (tx, id) => {
      rows.tombstone(tx, 'kb', id);
      unindex.run(id);
    },
  };
}
