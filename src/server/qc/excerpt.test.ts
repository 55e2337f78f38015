import { describe, expect, it } from 'vitest';
import { qcExcerpt } from './excerpt';

describe('qcExcerpt', () => {
  it('keeps the matched words with a little context on each side', () => {
    const text = `${'甲'.repeat(30)}我要投诉你们${'乙'.repeat(30)}`;
    const start = text.indexOf('投诉');
    expect(qcExcerpt(text, start, start + 2)).toBe(`…${'甲'.repeat(18)}我要投诉你们${'乙'.repeat(18)}…`);
    expect(qcExcerpt('我要投诉', 2, 4)).toBe('我要投诉');
  });

  it('masks a phone number even when the context window cuts through it', () => {
    const text = `我的手机13812345678，${'啊'.repeat(15)}我要投诉`;
    const start = text.indexOf('投诉');
    const excerpt = qcExcerpt(text, start, start + 2);
    expect(excerpt).toContain('138****5678');
    expect(excerpt).not.toMatch(/\d{5}/);
  });
});
