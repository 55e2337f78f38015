import { describe, expect, it } from 'vitest';
import { idf, rankCandidates, RECENCY_MS } from './rank';

const NOW = Date.UTC(2026, 10, 23);
const row = (body: string, ageMs = 0) => ({ body, created_at: NOW - ageMs });
const order = (rows: ReturnType<typeof row>[], terms: string[], weights = terms.map(() => 1)) =>
  rankCandidates(rows, terms, weights, NOW, rows.length).map((r) => r.body);

describe('rankCandidates (bm25 blended with recency)', () => {
  it('ranks a message saying the term more often first, and a short one above a long one saying it as often', () => {
    expect(order([row('退款的问题'), row('退款退款退款')], ['退款'])).toEqual(['退款退款退款', '退款的问题']);
    expect(order([row('我想问一下关于上周订单的退款进度和其他事情'), row('我要退款')], ['退款'])).toEqual(['我要退款', '我想问一下关于上周订单的退款进度和其他事情']);
  });

  it('halves a match a recency period old, so a newer equal match wins and an old strong one can still win', () => {
    const ranked = rankCandidates([row('old 我要退款', RECENCY_MS), row('new 我要退款', 0)], ['退款'], [1], NOW, 2);
    expect(ranked.map((r) => r.body)).toEqual(['new 我要退款', 'old 我要退款']);
    const strongOld = rankCandidates([row('退款退款退款', RECENCY_MS / 10), row('退款 和很多别的字词在这里说了一大堆', 0)], ['退款'], [1], NOW, 2);
    expect(strongOld[0]!.body).toBe('退款退款退款');
  });

  it('weighs each term by its IDF, so the rarer term decides between two messages holding one of them twice', () => {
    const rows = [row('退款退款 refund'), row('退款 refund refund')];
    expect(order(rows, ['退款', 'refund'], [idf(1000, 900), idf(1000, 5)])).toEqual(['退款 refund refund', '退款退款 refund']);
    expect(order(rows, ['退款', 'refund'], [idf(1000, 5), idf(1000, 900)])).toEqual(['退款退款 refund', '退款 refund refund']);
  });

  it('matches terms on the normalised text (full-width, upper case) and keeps only the limit', () => {
    expect(order([row('ＲＥＦＵＮＤ ＲＥＦＵＮＤ'), row('refund once more words')], ['refund'])[0]).toBe('ＲＥＦＵＮＤ ＲＥＦＵＮＤ');
    expect(rankCandidates([row('a 退'), row('b 退'), row('c 退')], ['退'], [1], NOW, 2)).toHaveLength(2);
    expect(rankCandidates([], ['退'], [1], NOW, 2)).toEqual([]);
  });

  it('computes IDF as FTS5 does, with a positive floor for a term in most rows', () => {
    expect(idf(1000, 10)).toBeCloseTo(Math.log(990.5 / 10.5));
    expect(idf(1000, 999)).toBeGreaterThan(0);
    expect(idf(1000, 999)).toBeLessThan(1e-3);
  });
});
