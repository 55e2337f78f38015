import { describe, expect, it } from 'vitest';
import { readEpisode } from './episode';
import type { BotHistoryTurn } from './types';

const c = (text: string): BotHistoryTurn => ({ sender: 'customer', text });
const b = (text: string): BotHistoryTurn => ({ sender: 'bot', text });

describe('readEpisode', () => {
  it('starts empty', () => {
    expect(readEpisode([])).toEqual({ unhelpfulTurns: 0, botHasSpoken: false, answeredTitles: [], questions: [] });
  });

  it('counts feedback, repeated questions and repeated articles, each customer turn once', () => {
    const history = [
      c('退款多久到账'),
      b('关于「退款多久到账」：原路退回。'),
      c('退款多久到账？'), // repeat …
      b('关于「退款多久到账」：原路退回。'), // … answered with the same article: still one turn
      c('没用'),
      b('抱歉，刚才的回答没能帮到您。您可以换个说法…'),
    ];
    const episode = readEpisode(history);
    expect(episode.unhelpfulTurns).toBe(2);
    expect(episode.answeredTitles).toEqual(['退款多久到账', '退款多久到账']);
    expect(episode.questions).toEqual(['退款多久到账', '退款多久到账？']);
  });

  it('counts a turn the bot itself apologised for', () => {
    expect(readEpisode([c('退款'), b('关于「退款多久到账」：…'), c('退钱'), b("Sorry, my last answer didn't help. …")]).unhelpfulTurns).toBe(1);
  });

  it('ignores what came before the last agent line and before "thanks"', () => {
    const unhelped = [c('退款多久到账'), b('关于「退款多久到账」：…'), c('没用')];
    expect(readEpisode(unhelped).unhelpfulTurns).toBe(1);
    expect(readEpisode([...unhelped, { sender: 'agent', text: '您好，我来处理' }])).toMatchObject({ unhelpfulTurns: 0, questions: [] });
    expect(readEpisode([...unhelped, c('谢谢')])).toMatchObject({ unhelpfulTurns: 0, answeredTitles: [] });
  });

  it('does not count what the customer says before the bot has said anything', () => {
    expect(readEpisode([c('没用'), c('没用')]).unhelpfulTurns).toBe(0);
  });

  it('ignores system lines', () => {
    expect(readEpisode([c('退款多久到账'), { sender: 'system', text: '关于「退款多久到账」：' }, c('退款多久到账')]).unhelpfulTurns).toBe(0);
  });
});
