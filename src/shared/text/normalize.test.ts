import { describe, expect, it } from 'vitest';
import { foldWidth, normaliseForMatching, originalRange } from './normalize';

describe('foldWidth', () => {
  it('folds full-width ASCII without changing the length', () => {
    const text = '电话：１３８－１２３４　５６７８，ＩＤ';
    const folded = foldWidth(text);
    expect(folded).toBe('电话:138-1234 5678,ID');
    expect(folded.length).toBe(text.length);
  });
});

describe('normaliseForMatching', () => {
  it('applies NFKC and lower-case and maps back to the original', () => {
    const text = 'ＩＤ号';
    const mapped = normaliseForMatching(text);
    expect(mapped.text).toBe('id号');
    expect(originalRange(mapped, 0, 2)).toEqual([0, 2]);
  });

  it('maps characters that NFKC expands back to the one they came from', () => {
    const mapped = normaliseForMatching('重5㎏');
    expect(mapped.text).toBe('重5kg');
    expect(originalRange(mapped, 2, 4)).toEqual([2, 3]);
  });

  it('joins CJK split by spaces or zero-width characters, keeps spaces between Latin words', () => {
    const mapped = normaliseForMatching('密 码\u200b验 证码, do  not Share', { joinCjkSpaces: true });
    expect(mapped.text).toBe('密码验证码, do not share');
    expect(originalRange(mapped, 0, 2)).toEqual([0, 3]);
  });

  it('keeps a line break as a clause separator', () => {
    expect(normaliseForMatching('别担心\n 请提供', { joinCjkSpaces: true }).text).toBe('别担心\n请提供');
  });

  it('straightens curly apostrophes', () => {
    expect(normaliseForMatching('Don’t').text).toBe("don't");
  });
});
