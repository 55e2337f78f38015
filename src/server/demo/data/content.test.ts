import { describe, expect, it } from 'vitest';
import { FEEDBACK_CATEGORY } from './content/dialogue/feedback';
import { BEAUTY_SCENARIOS, OUTDOOR_SCENARIOS } from './content/dialogue/shops';
import { KB_CATEGORIES, SHOP_CATEGORIES } from './content/kb';
import { SHOP_BEAUTY, SHOP_OUTDOOR } from './content/org';
import { DEMO_STATIC_ANCHOR, generateDemoData } from './generate';
import { ALL_PLATFORM_TOPICS } from './history/platform';
import { placeholders } from './text';

const data = generateDemoData({ anchor: DEMO_STATIC_ANCHOR });
const articles = new Map(data.kb.articles.map((a) => [a.title, a]));
const KNOWN = ['name', 'agent', 'order', 'item', 'amount', 'carrier', 'tracking', 'date', 'shop', 'city', 'tail'];

describe('dialogue templates', () => {
  it('name only existing platform articles, and use only known placeholders', () => {
    for (const topic of ALL_PLATFORM_TOPICS) {
      expect(KB_CATEGORIES).toContain(topic.category);
      for (const t of topic.threads) {
        expect(articles.get(t.article)?.shopId, t.article).toBeUndefined();
        expect(articles.has(t.article), t.article).toBe(true);
        for (const text of [t.stuck, t.probe, t.answer, t.resolve, t.note]) {
          for (const p of placeholders(text)) expect(KNOWN, text).toContain(p);
          if (topic.order === 'none') expect(placeholders(text).filter((p) => ['order', 'item', 'amount', 'carrier', 'tracking', 'date'].includes(p)), text).toEqual([]);
        }
      }
    }
  });

  it('bind each shop scenario to an article of that same shop', () => {
    for (const [shopId, scenarios] of [[SHOP_BEAUTY, BEAUTY_SCENARIOS], [SHOP_OUTDOOR, OUTDOOR_SCENARIOS]] as const) {
      for (const s of scenarios) {
        expect(articles.get(s.article)?.shopId, s.article).toBe(shopId);
        expect(SHOP_CATEGORIES as readonly string[]).toContain(s.category);
        for (const t of s.threads) for (const text of [...t.ask, t.probe, t.answer, t.resolve]) for (const p of placeholders(text)) expect(KNOWN, text).toContain(p);
      }
    }
  });

  it('give every conversation and ticket a category of the KB, a shop, or feedback', () => {
    const known = new Set<string>([...KB_CATEGORIES, ...SHOP_CATEGORIES, FEEDBACK_CATEGORY]);
    for (const c of data.history.conversations) expect(known.has(c.category), c.category).toBe(true);
    for (const t of data.history.tickets) expect(known.has(t.category), t.category).toBe(true);
  });

  it('use every platform thread and shop scenario somewhere in the history', () => {
    const quoted = new Set(data.history.conversations.flatMap((c) => c.messages.flatMap((m) => (m.articleId ? [m.articleId] : []))));
    const used = ALL_PLATFORM_TOPICS.flatMap((t) => t.threads).filter((t) => quoted.has(articles.get(t.article)?.id ?? ''));
    expect(used.length / ALL_PLATFORM_TOPICS.flatMap((t) => t.threads).length).toBeGreaterThan(0.9);
  });
});
