import type { KbArticle } from '../../shared/domain/kb';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* KB articles and the teams that may see them. CRUD routes and import come with the KB feature. */

export interface KbWrites {
  insertArticle(tx: WriteTx, article: KbArticle): void;
}

export function createKbStore(db: SqliteDatabase): KbWrites {
  const insert = db.prepare(
    `INSERT INTO kb_articles (id, title, body, category, tags, keywords, questions, shop_id, updated_at, seq)
     VALUES (@id, @title, @body, @category, @tags, @keywords, @questions, @shopId, @updatedAt, @seq)`,
  );
  const team = db.prepare<[string, string]>('INSERT INTO kb_article_teams (article_id, team_id) VALUES (?, ?)');
  return {
    insertArticle: (tx, a) => {
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
      for (const teamId of a.teamIds) team.run(a.id, teamId);
    },
  };
}
