import { describe, expect, it } from 'vitest';
import { conversationEmotion, emotionScore } from './emotion';

const level = (text: string) => emotionScore(text).level;

describe('emotionScore', () => {
  it('reads neutral and polite messages as calm', () => {
    for (const text of ['你好，我想问一下订单什么时候发货', '好的，谢谢您', '哈哈哈好的', 'Hi, where is my order?', 'Thanks, that was helpful', 'My VIP order ID is 123', '']) {
      expect(emotionScore(text)).toMatchObject({ level: 'calm' });
    }
    expect(emotionScore('').score).toBe(0);
  });

  it('reads complaints as unhappy', () => {
    for (const text of ['等了好久还没发货，有点失望', '太慢了', '质量很差', 'I am a bit disappointed, the parcel is late', 'This is so slow', 'I am not happy with this']) {
      expect(level(text)).toBe('unhappy');
    }
  });

  it('reads outbursts as angry', () => {
    for (const text of ['你们这什么破服务，气死我了！！！退钱！', '垃圾客服', '骗子！！！', 'This is the worst service ever!!! REFUND NOW', 'Absolutely furious, this is a scam', '太不靠谱了吧？？']) {
      expect(level(text)).toBe('angry');
    }
  });

  it('handles negation in both languages', () => {
    expect(level('我不生气，只是问问')).toBe('calm');
    expect(level('我没有生气')).toBe('calm');
    expect(level('一点也不失望')).toBe('calm');
    expect(level('not bad at all')).toBe('calm');
    expect(level("I'm not angry, just asking")).toBe('calm');
    // A negated calming word is a complaint.
    expect(level('不太满意')).toBe('unhappy');
    expect(level('not happy')).toBe('unhappy');
  });

  it('does not let a negation reach across a clause or past the words right before the cue', () => {
    expect(level('没想到，这么慢')).toBe('unhappy');
    expect(level('不知道为什么，垃圾')).toBe('angry');
  });

  it('makes intensified cues stronger', () => {
    expect(emotionScore('非常失望').score).toBeGreaterThan(emotionScore('失望').score);
    expect(emotionScore('very disappointed').score).toBeGreaterThan(emotionScore('disappointed').score);
  });

  it('counts shouting: repeated punctuation, capitals, repeated characters', () => {
    expect(emotionScore('发货了吗！！！').cues).toContain('!!!');
    expect(emotionScore('发货了吗？？？').cues).toContain('???');
    expect(emotionScore('WHERE IS MY ORDER').cues).toContain('CAPS');
    expect(emotionScore('where is my order').cues).not.toContain('CAPS');
    expect(emotionScore('快快快发货').cues).toContain('快快快');
    expect(emotionScore('快快快发货').score).toBeGreaterThan(emotionScore('发货').score);
  });

  it('reports the cues that raised the score', () => {
    expect(emotionScore('真的很生气，差评！').cues).toEqual(['很生气', '差评']);
    expect(emotionScore('I am very angry').cues).toEqual(['very angry']);
    expect(emotionScore('not happy').cues).toEqual(['not happy']);
  });

  it('keeps the score within 0..1 however much is piled on', () => {
    const { score, level: lvl } = emotionScore('气死了！！！垃圾！！！骗子！！！'.repeat(20));
    expect(score).toBeLessThanOrEqual(1);
    expect(score).toBeGreaterThan(0.99);
    expect(lvl).toBe('angry');
  });

  it('matches full-width and spaced-out text', () => {
    expect(level('气 死 了')).toBe('angry');
    expect(emotionScore('ＷＯＲＳＴ').cues).toContain('worst');
  });
});

describe('conversationEmotion', () => {
  it('is 0 for no messages and the score itself for one', () => {
    expect(conversationEmotion([])).toBe(0);
    expect(conversationEmotion([0.7])).toBeCloseTo(0.7);
  });

  it('weights recent messages more', () => {
    const calming = conversationEmotion([0.9, 0.8, 0.1]);
    const escalating = conversationEmotion([0.1, 0.8, 0.9]);
    expect(escalating).toBeGreaterThan(calming);
    expect(calming).toBeGreaterThan(0.1);
  });

  it('ignores non-finite scores and clamps out-of-range ones', () => {
    expect(conversationEmotion([Number.NaN, 2])).toBeCloseTo(1);
    expect(conversationEmotion([-1])).toBe(0);
  });
});
