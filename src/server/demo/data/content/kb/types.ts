/*
 * The shape the KB content is written in. Each article carries its own facts (summary, steps,
 * notes); the topic adds a few shared openers and closers that the builder mixes in, so bodies
 * read naturally without two articles ever being the same text.
 */

export interface ArticleSpec {
  title: string;
  /** One sentence answering the question; also what the bot says first. */
  summary: string;
  steps?: string[];
  notes?: string[];
  /** Ways customers ask it (the bot matches on these). */
  questions: string[];
  keywords: string[];
  tags?: string[];
}

export interface TopicSpec {
  /** Id prefix of the topic's articles, e.g. "login" → kb-login-01. */
  slug: string;
  category: string;
  /** Who sees it: every platform team, or every team including the shops' (merchant rules). */
  audience: 'platform' | 'everyone';
  tags: string[];
  /** Openers and closers shared by the topic's articles. */
  intros: string[];
  outros: string[];
  articles: ArticleSpec[];
}

/** A shop's own articles, seen only by that shop's team. */
export interface ShopTopicSpec {
  shopKey: 'beauty' | 'outdoor';
  slug: string;
  intros: string[];
  outros: string[];
  articles: (ArticleSpec & { category: string })[];
}
