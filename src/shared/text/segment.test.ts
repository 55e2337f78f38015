import { describe, expect, it } from 'vitest';
import { cjkBigrams, indexTokens, isCjkChar, searchRuns, wordParts } from './segment';

const CUSTOMER_MESSAGES = [
  '您好，我的订单已经三天没有发货了，什么时候能发？',
  '我要申请退款，商品和描述不符。',
  '快递显示已签收，但是我根本没有收到包裹。',
  '忘记密码了，怎么找回账号？',
  '请问会员积分可以抵扣运费吗？',
  '退款申请提交之后多久能到账？',
  '你们客服一直不回复，我要投诉。',
  '这件衣服尺码偏小，可以换货吗？',
  '优惠券领了但是下单时用不了。',
  '账号被封了，我要申诉。',
];

describe('indexTokens', () => {
  it('writes each CJK run as its bigrams followed by its unigrams', () => {
    expect(indexTokens('退款申请')).toBe('退款 款申 申请 退 款 申 请');
    expect(indexTokens('退')).toBe('退');
  });

  it('cuts runs at punctuation so no bigram spans two clauses', () => {
    expect(indexTokens('退款，申请')).toBe('退款 退 款 申请 申 请');
  });

  it('lower-cases Latin words and folds full-width letters and digits', () => {
    expect(indexTokens('Refunds ＡＢＣ １２３')).toBe('refunds abc 123');
  });

  it('keeps order ids whole and also indexes their letter and digit parts', () => {
    expect(indexTokens('订单DD20250101123456')).toBe('订单 订 单 dd20250101123456 dd 20250101123456');
    expect(indexTokens('iPhone15坏了')).toBe('iphone15 iphone 15 坏了 坏 了');
  });

  it('drops emoji, FTS syntax and quotes, which unicode61 would treat as separators anyway', () => {
    expect(indexTokens('"退款"* OR body:x 😀 ^')).toBe('退款 退 款 or body x');
    expect(indexTokens('  ！？。 ')).toBe('');
  });

  it('keeps accented words in one piece (unicode61 removes the diacritics on both sides)', () => {
    expect(indexTokens('Café crème')).toBe('café crème');
  });

  it('handles characters outside the BMP (CJK extension B) as single characters', () => {
    expect(indexTokens('𠀀𠀁')).toBe('𠀀𠀁 𠀀 𠀁');
  });

  // Index size, measured on the ten customer messages above (137 CJK characters):
  // 256 tokens = 1.87 tokens per CJK character (a run of n characters costs 2n-1 tokens).
  // Intl.Segmenter words of 2+ characters would add another 48 tokens (0.35 per character).
  it('costs fewer than two tokens per CJK character', () => {
    let tokens = 0;
    let chars = 0;
    for (const message of CUSTOMER_MESSAGES) {
      tokens += indexTokens(message).split(' ').length;
      chars += Array.from(message).filter(isCjkChar).length;
    }
    expect(chars).toBe(137);
    expect(tokens).toBe(256);
    expect(tokens / chars).toBeLessThan(2);
  });
});

describe('searchRuns', () => {
  it('splits mixed text into CJK runs and words', () => {
    expect(searchRuns('订单DD2025已退款 refund!')).toEqual([
      { kind: 'cjk', chars: ['订', '单'] },
      { kind: 'word', word: 'dd2025' },
      { kind: 'cjk', chars: ['已', '退', '款'] },
      { kind: 'word', word: 'refund' },
    ]);
  });

  it('treats kana as CJK and Hangul as words', () => {
    expect(searchRuns('ありがとう 감사합니다')).toEqual([
      { kind: 'cjk', chars: ['あ', 'り', 'が', 'と', 'う'] },
      { kind: 'word', word: '감사합니다' },
    ]);
  });
});

describe('helpers', () => {
  it('cjkBigrams overlaps by one character', () => {
    expect(cjkBigrams(['忘', '记', '密', '码'])).toEqual(['忘记', '记密', '密码']);
    expect(cjkBigrams(['忘'])).toEqual([]);
  });

  it('wordParts splits letters from digits only when both occur', () => {
    expect(wordParts('sf1234567')).toEqual(['sf', '1234567']);
    expect(wordParts('refund')).toEqual([]);
    expect(wordParts('2025')).toEqual([]);
  });
});
