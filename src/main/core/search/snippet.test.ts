import { describe, expect, it } from 'vitest';
import { snippetOf } from './snippet';

describe('snippetOf', () => {
  it('returns a short text whole with its highlight ranges', () => {
    expect(snippetOf('我要退款', ['退款'])).toEqual({ snippet: '我要退款', ranges: [{ start: 2, end: 4 }] });
  });

  it('cuts a long text around the first match and moves the ranges with it', () => {
    const text = `${'前'.repeat(100)}退款${'后'.repeat(200)}`;
    const { snippet, ranges } = snippetOf(text, ['退款']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(ranges).toHaveLength(1);
    expect(snippet.slice(ranges[0]!.start, ranges[0]!.end)).toBe('退款');
  });
});
