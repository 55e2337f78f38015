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
    ['this is a SCAM', 'scam'],
    ['counterfeit shoes', 'counterfeit'],
  ])('%s → %s', (text, word) => {
    expect(findSensitiveKeyword(text)).toBe(word);
  });

  it.each(['怎么举报违规笔记', '照片曝光怎么调', '工商银行卡退款多久到账', '退款多久到账', 'how do I report a note', 'issue with my suitcase'])(
    '%s → nothing',
    (text) => {
      expect(findSensitiveKeyword(text)).toBeNull();
    },
  );
});
