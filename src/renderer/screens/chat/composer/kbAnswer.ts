import type { KbArticle } from '../../../../shared/domain/kb';

/**
 * An article's body as a chat reply: the customer's widget shows plain text, so Markdown's
 * heading marks, emphasis and link syntax become their words.
 */
export function kbAnswer(article: KbArticle): string {
  return article.body
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 $2')
    .trim();
}
