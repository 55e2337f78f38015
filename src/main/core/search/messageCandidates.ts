import type Database from 'better-sqlite3';
import { ftsMatch } from '../../../shared/text';
import { conversationFilters, dateFilters, type HistoryArgs, type SqlPart } from './historyFilters';
import { idf, type Candidate } from './rank';
import { StatementCache } from './statements';

export interface MessageCandidate extends Candidate {
  id: string;
  conversation_id: string;
}

/**
 * How many matches are ranked: the newest that pass the filters (rids grow as rows arrive, so
 * rowid order is arrival order). Ranking every match of a one-character query over a million
 * messages would read 170,000 rows.
 */
const WINDOW = 500;
/** A narrow filter or a date range keeping at most this many messages is applied before the text (see newest). */
const FEW_MESSAGES = 20_000;
const NONE: SqlPart = { sql: '', params: [] };

/** Messages collected before the text is read: the range of their rids, and their SQL (selecting the rids). */
interface Kept {
  lo: number;
  hi: number;
  members: SqlPart | null;
}
/** Matches read per term to estimate how many rows hold it (multi-term queries only). */
const SAMPLE = 256;

const COLUMNS = "m.id, m.conversation_id, m.created_at, json_extract(m.data, '$.body') AS body";

/**
 * The messages a history search ranks: the newest matches of the text that pass every filter.
 * The order of the joins is fixed (CROSS JOIN) rather than left to the planner, which cannot
 * know how many of the text's matches a filter keeps.
 */
export class MessageCandidates {
  private readonly statements: StatementCache;
  private readonly s;

  constructor(db: Database.Database) {
    this.statements = new StatementCache(db);
    this.s = {
      rows: db.prepare<[], number | null>('SELECT max(rid) FROM messages').pluck(),
      // The rid of the SAMPLE-th newest match: how far back the index had to go to find that many.
      sampleEdge: db.prepare<[string], number>(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${SAMPLE - 1}`).pluck(),
      count: db.prepare<[string], number>('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck(),
    };
  }

  /**
   * Three plans, each stopping at WINDOW rows. Usually the text's matches are read newest first
   * and the filters checked on each (index lookups), which stops early when the filters keep
   * many of them. A narrow filter (one customer, one agent…) or a short date range could make
   * that read every match of the text, so when it keeps few messages those are collected first
   * (through the conversations' indexes, or messages_by_time), and the matches are read only
   * between the oldest and newest of them, each checked against that set in memory.
   */
  newest(match: string, args: HistoryArgs): MessageCandidate[] {
    const conversation = conversationFilters(args);
    const dates = dateFilters(args, 'm.created_at');
    const all = { sql: dates.sql + conversation.sql, params: [...dates.params, ...conversation.params] };
    const onConversation = conversation.sql !== '';
    if (conversation.narrow) {
      const kept = this.kept(`SELECT m.rid FROM conversations c CROSS JOIN messages m WHERE m.conversation_id = c.id${all.sql}`, all.params);
      if (kept) return this.within(match, kept, NONE, false);
    }
    // A date range is checked on each match instead: messages arrive about in time order, so
    // few matches between its oldest and newest rid fall outside it.
    const range = dates.sql ? this.kept(`SELECT m.rid FROM messages m WHERE 1${dates.sql}`, dates.params) : null;
    return this.within(match, range && { ...range, members: null }, all, onConversation);
  }

  /**
   * Weights for the terms (their IDF) when there are several; a single term's IDF scales every
   * score alike. How many rows hold a term is counted when they are few and otherwise estimated
   * from how far back its SAMPLE newest matches reach, which costs SAMPLE rows, not all of them.
   */
  weights(terms: readonly string[]): number[] {
    if (terms.length < 2) return terms.map(() => 1);
    const rows = this.s.rows.get() ?? 0;
    return terms.map((term) => {
      const expression = ftsMatch(term);
      if (expression === null) return 1;
      const edge = this.s.sampleEdge.get(expression);
      const matching = edge === undefined ? this.s.count.get(expression)! : (SAMPLE * rows) / Math.max(SAMPLE, rows - edge + 1);
      return idf(rows, matching);
    });
  }

  /**
   * The messages `sql` selects (their rids) with the oldest and newest of them, when they are at
   * most FEW_MESSAGES (reading at most one more); null when they are more.
   */
  private kept(sql: string, params: unknown[]): Kept | null {
    const range = this.statements.get(`SELECT count(*) AS n, min(rid) AS lo, max(rid) AS hi FROM (${sql} LIMIT ${FEW_MESSAGES + 1})`).get(...params) as { n: number; lo: number | null; hi: number | null };
    return range.n <= FEW_MESSAGES ? { lo: range.lo ?? 0, hi: range.hi ?? -1, members: { sql, params } } : null;
  }

  /**
   * The newest matches that pass `filters` (over m, and over c when `conversation`: then the
   * conversation is joined), read only between `kept.lo` and `kept.hi` and, when `kept.members`
   * is set, only among the rids it selects. The range is given as numbers: FTS5 seeks to them,
   * where subqueries in its bounds made the same search five times slower.
   */
  private within(match: string, kept: Kept | null, filters: SqlPart, conversation: boolean): MessageCandidate[] {
    // Nothing kept: FTS5 would still take milliseconds to find nothing between two rids.
    if (kept && kept.lo > kept.hi) return [];
    const sql = `
      SELECT ${COLUMNS} FROM messages_fts f CROSS JOIN messages m${conversation ? ' CROSS JOIN conversations c' : ''}
      WHERE messages_fts MATCH ? AND m.rid = f.rowid AND m.deleted = 0${conversation ? ' AND c.id = m.conversation_id' : ''}${filters.sql}
        ${kept ? 'AND f.rowid BETWEEN ? AND ?' : ''}${kept?.members ? ` AND +f.rowid IN (${kept.members.sql})` : ''}
      ORDER BY f.rowid DESC LIMIT ${WINDOW}`;
    const params = [match, ...filters.params, ...(kept ? [kept.lo, kept.hi] : []), ...(kept?.members?.params ?? [])];
    return this.statements.get(sql).all(...params) as MessageCandidate[];
  }
}
