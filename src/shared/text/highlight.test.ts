import { describe, expect, it } from 'vitest';
import { highlightTerms } from './ftsQuery';
import { highlightRanges } from './highlight';

const marked = (text: string, query: string) =>
  highlightRanges(text, highlightTerms(query)).map(({ start, end }) => text.slice(start, end));

describe('highlightRanges', () => {
  it('marks CJK substrings and Latin prefixes', () => {
    expect(marked('我想申请退款，Refunds please', '退款 refund')).toEqual(['退款', 'Refund']);
  });

  it('maps full-width text back to the original offsets', () => {
    const text = '订单ＤＤ２０２５已退款';
    expect(highlightRanges(text, highlightTerms('dd2025'))).toEqual([{ start: 2, end: 8 }]);
  });

  it('merges overlapping and touching marks', () => {
    expect(marked('退款退款', '退款')).toEqual(['退款退款']);
    expect(marked('退款申请', '退款 款申')).toEqual(['退款申']);
  });

  it('returns nothing for no terms or no text', () => {
    expect(highlightRanges('退款', [])).toEqual([]);
    expect(highlightRanges('', ['退款'])).toEqual([]);
  });
});
