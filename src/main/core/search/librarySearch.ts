import type Database from 'better-sqlite3';
import type { CannedReply } from '../../../shared/domain/canned';
import type { KbArticle } from '../../../shared/domain/kb';
import type { CannedHit, KbHit } from '../../../shared/domain/workstation';
import { ftsMatch, highlightRanges, highlightTerms } from '../../../shared/text';
import { snippetOf } from './snippet';

/** KB articles and canned replies: searched with the same FTS index and ranking (bm25) as history. */
export class LibrarySearch {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      match: db.prepare<[string, string, number], { data: string }>(
        `SELECT e.data FROM entities_fts JOIN entities e ON e.rid = entities_fts.rowid
         WHERE entities_fts MATCH ? AND e.entity = ? AND e.deleted = 0 ORDER BY bm25(entities_fts) LIMIT ?`,
      ),
      newest: db.prepare<[string, number], { data: string }>(
        "SELECT data FROM entities WHERE entity = ? AND deleted = 0 ORDER BY json_extract(data, '$.updatedAt') DESC LIMIT ?",
      ),
      canned: db.prepare<[], { data: string }>(
        "SELECT data FROM entities WHERE entity = 'canned' AND deleted = 0 ORDER BY json_extract(data, '$.shortcut')",
      ),
    };
  }

  kb(query: string, limit: number): KbHit[] {
    const match = ftsMatch(query);
    const rows = match === null ? this.s.newest.all('kb', limit) : this.s.match.all(match, 'kb', limit);
    const terms = match === null ? [] : highlightTerms(query);
    return rows.map((row) => {
      const article = JSON.parse(row.data) as KbArticle;
      const { snippet, ranges } = snippetOf(article.body, terms);
      return { article, snippet, snippetRanges: ranges, titleRanges: highlightRanges(article.title, terms) };
    });
  }

  canned(query: string | undefined): CannedHit[] {
    const match = query ? ftsMatch(query) : null;
    const rows = match === null ? this.s.canned.all() : this.s.match.all(match, 'canned', 200);
    const terms = match === null || !query ? [] : highlightTerms(query);
    return rows.map((row) => {
      const reply = JSON.parse(row.data) as CannedReply;
      return { ...reply, titleRanges: highlightRanges(reply.title, terms) };
    });
  }
}
