import type { KbArticle } from '../../shared/domain/kb';
import { stringArray } from '../db/json';
import { defineSource, type BaseRow } from '../sync/source';

export interface KbRow extends BaseRow {
  title: string;
  body: string;
  category: string;
  tags: string;
  keywords: string;
  questions: string;
  shop_id: string | null;
  updated_at: number;
  team_ids: string;
}

/** An article's columns over the alias `t`, its team list included; shared by sync and the KB store. */
export const KB_COLUMNS = `t.id, t.seq, t.deleted, t.title, t.body, t.category, t.tags, t.keywords, t.questions, t.shop_id, t.updated_at,
    (SELECT json_group_array(kt.team_id) FROM kb_article_teams kt WHERE kt.article_id = t.id) AS team_ids`;

export function toArticle(r: KbRow): KbArticle {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    category: r.category,
    tags: stringArray(r.tags),
    keywords: stringArray(r.keywords),
    questions: stringArray(r.questions),
    teamIds: stringArray(r.team_ids).sort(),
    shopId: r.shop_id,
    updatedAt: r.updated_at,
  };
}

export const kbSource = defineSource({ entity: 'kb', table: 'kb_articles', columns: KB_COLUMNS, toData: toArticle });
