import { describe, expect, it } from 'vitest';
import { findTrigger, replaceTrigger } from './trigger';

describe('composer triggers', () => {
  it('opens canned replies on "/" and the KB on "#" at the start or after a space', () => {
    expect(findTrigger('/hi', 3)).toEqual({ kind: 'canned', query: 'hi', start: 0 });
    expect(findTrigger('您好 #退款', 6)).toEqual({ kind: 'kb', query: '退款', start: 3 });
    expect(findTrigger('、问候', 3)).toEqual({ kind: 'canned', query: '问候', start: 0 });
  });

  it('does not open inside a word, a URL or a fraction, nor after the query is ended by a space', () => {
    expect(findTrigger('https://a.b/c', 13)).toBeNull();
    expect(findTrigger('3/4', 3)).toBeNull();
    expect(findTrigger('/hi there', 9)).toBeNull();
    expect(findTrigger('plain', 5)).toBeNull();
  });

  it('replaces the sign and query with the pick and puts the caret after it', () => {
    const text = '先说 /hi 然后';
    const trigger = findTrigger(text, 6)!;
    expect(replaceTrigger(text, trigger, 6, '您好！')).toEqual({ text: '先说 您好！ 然后', caret: 6 });
  });
});
