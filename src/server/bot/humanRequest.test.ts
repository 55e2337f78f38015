import { describe, expect, it } from 'vitest';
import { asksForHuman } from './humanRequest';

describe('asksForHuman', () => {
  it.each([
    '人工',
    '人工！！',
    '人工 人工',
    '转人工',
    '转接人工客服',
    '我要人工客服',
    '请帮我转人工，谢谢',
    '退款一直没到，找人工',
    '能不能换个真人',
    '你是真人吗？',
    '找客服',
    '我要联系客服',
    '客服在吗',
    '真人客服在哪',
    '我不想和机器人说话',
    '人工服务',
  ])('zh: %s → a person', (text) => {
    expect(asksForHuman(text)).toBe(true);
  });

  it.each([
    'human',
    'Agent',
    'agent please',
    'AGENT!!',
    'Can I get an agent?',
    'I want a human',
    'I need to talk to a real person',
    'let me speak to someone',
    'talk to customer service',
    'please connect me to a representative',
    'transfer me to a live agent',
    'is there a live person?',
    "I don't want to talk to a bot",
    'ｈｕｍａｎ',
  ])('en: %s → a person', (text) => {
    expect(asksForHuman(text)).toBe(true);
  });

  it.each([
    '人工智能推荐的笔记怎么关闭',
    '我的笔记还在人工审核吗',
    '申请人工复核要多久',
    '维修的人工费怎么算',
    '真人认证怎么弄',
    '怎么修改密码',
    '退款多久到账',
    '客服电话工作时间', // a KB question, not a request to talk now
    '',
  ])('zh: %s → not a request for a person', (text) => {
    expect(asksForHuman(text)).toBe(false);
  });

  it.each([
    'how much is the agent fee?',
    'agent fee',
    'what is a user agent',
    'return policy for human hair wigs',
    'how do I chat with people nearby',
    'is this product safe for humans to eat',
    'the travel agent cancelled my booking',
  ])('en: %s → not a request for a person', (text) => {
    expect(asksForHuman(text)).toBe(false);
  });
});
