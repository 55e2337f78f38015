import { describe, expect, it } from 'vitest';
import { ftsMatch, highlightTerms } from './ftsQuery';

describe('ftsMatch', () => {
  it('uses the unigram for a single CJK character', () => {
    expect(ftsMatch('退')).toBe('"退"');
  });

  it('uses the phrase of consecutive bigrams for a longer CJK run', () => {
    expect(ftsMatch('退款')).toBe('"退款"');
    expect(ftsMatch('忘记密码')).toBe('"忘记" + "记密" + "密码"');
  });

  it('makes Latin words and numbers prefix queries, lower-cased', () => {
    expect(ftsMatch('Refund')).toBe('"refund"*');
    expect(ftsMatch('２０２５')).toBe('"2025"*');
  });

  it('matches a letters+digits word whole or by its parts', () => {
    expect(ftsMatch('DD20250101123456')).toBe('("dd20250101123456"* OR ("dd"* AND "20250101123456"*))');
  });

  it('ANDs the runs of a mixed query and drops repeats', () => {
    expect(ftsMatch('退款 refund 退款')).toBe('"退款" AND "refund"*');
    expect(ftsMatch('订单123已发货')).toBe('"订单" AND "123"* AND "已发" + "发货"');
  });

  it('returns null when nothing is searchable', () => {
    for (const input of ['', '   ', '\n\t', '"', '*', '^', ')', '(', '😀🙏', '，。！？', '"*^():-+']) {
      expect(ftsMatch(input)).toBeNull();
    }
  });

  it('turns FTS syntax typed by the user into quoted words', () => {
    expect(ftsMatch('NEAR(退款')).toBe('"near"* AND "退款"');
    expect(ftsMatch('a OR b')).toBe('"a"* AND "or"* AND "b"*');
    expect(ftsMatch('body:x')).toBe('"body"* AND "x"*');
    expect(ftsMatch('"refund" NOT ^x*')).toBe('"refund"* AND "not"* AND "x"*');
  });

  it('never lets a quote or an operator outside a quoted token', () => {
    const hostile = ['" OR 1=1 --', 'x" AND "y', 'col:"a"*', '{body}: NEAR("a" "b", 2)', '\\"', "'; DROP TABLE t; --"];
    for (const input of hostile) {
      const expression = ftsMatch(input);
      if (expression === null) continue;
      // Remove every quoted token; what remains may only be our own operators and brackets.
      const skeleton = expression.replace(/"(?:[^"]|"")*"\*?/g, 'T');
      expect(skeleton).toMatch(/^(?:T|\(|\)| |AND|OR|\+)*$/);
    }
  });

  it('caps very long input', () => {
    const expression = ftsMatch(Array.from({ length: 100 }, (_, i) => 'x'.repeat(i + 1)).join(' '));
    expect(expression?.split(' AND ')).toHaveLength(16);
    expect(ftsMatch('退'.repeat(10_000))?.split(' + ').length).toBeLessThan(256);
  });
});

describe('highlightTerms', () => {
  it('lists the literal substrings to mark, longest first', () => {
    expect(highlightTerms('Refund 退款申请 退')).toEqual(['refund', '退款申请', '退']);
  });

  it('includes the parts of a letters+digits word, which the query also matches', () => {
    expect(highlightTerms('iPhone15')).toEqual(['iphone15', 'iphone', '15']);
  });

  it('is empty for input without searchable text', () => {
    expect(highlightTerms(' "*^ ')).toEqual([]);
  });
});
