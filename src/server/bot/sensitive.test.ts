import { describe, expect, it } from 'vitest';
import { findSensitiveKeyword } from './sensitive';

describe('findSensitiveKeyword', () => {
  it.each([
    ['我要投诉你们商家', '投诉'],
    ['这是诈骗吧', '诈骗'],
    ['收到的是假货', '假货'],
    ['再不退款我就报警', '报警'],
    ['我已经打了12315', '12315'],
    ['I will file a complaint', 'complaint'],
    ['我要举报这个商家', '举报'],
    ['我要去媒体曝光你们', '媒体'],
    ['this is a SCAM', 'SCAM'],
    ['counterfeit shoes', 'counterfeit'],
  ])('%s → %s', (text, word) => {
    expect(findSensitiveKeyword(text)).toBe(word);
  });

  it('uses the QC rules it is given, so a centre tunes one list', () => {
    const rules = [{ id: 'c.x', side: 'customer' as const, category: 'x', label: { zh: '', en: '' }, patterns: ['退钱'], severity: 'warning' as const, action: 'flag' as const }];
    expect(findSensitiveKeyword('快退钱', rules)).toBe('退钱');
    expect(findSensitiveKeyword('我要投诉', rules)).toBeNull();
  });

  it.each(['怎么举报违规笔记', '如何投诉商家', '工商银行卡退款多久到账', '退款多久到账', 'how do I report a note', 'issue with my suitcase'])(
    '%s → nothing',
    (text) => {
      expect(findSensitiveKeyword(text)).toBeNull();
    },
  );
});
