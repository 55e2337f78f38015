import { describe, expect, it } from 'vitest';
import { clip, inlinePlain, summarizeArticle } from './summary';

describe('summarizeArticle', () => {
  it('takes the first paragraph and the steps after it, without Markdown', () => {
    const body = [
      '# 忘记密码',
      '',
      '忘记**登录密码**时，可以这样重置：',
      '',
      '1. 打开 App，点击“忘记密码”',
      '2. 输入手机号，填写`验证码`',
      '',
      '## 注意事项',
      '',
      '手机号停用请看[更换手机号](kb://phone)。',
    ].join('\n');
    expect(summarizeArticle(body)).toBe('忘记登录密码时，可以这样重置：\n1. 打开 App，点击“忘记密码”\n2. 输入手机号，填写验证码');
  });

  it('includes the steps when a heading sits between the paragraph and the list', () => {
    const body = '先确认订单已签收。\n\n## 操作步骤\n\n- 进入*我的订单*\n- 点击“申请售后”';
    expect(summarizeArticle(body)).toBe('先确认订单已签收。\n· 进入我的订单\n· 点击“申请售后”');
  });

  it('answers with the list alone when the article opens with one, and renumbers it', () => {
    expect(summarizeArticle('3. 第一步\n7) 第二步\n\n后记')).toBe('1. 第一步\n2. 第二步');
  });

  it('skips code blocks, tables, rules, HTML, images and quoted asides', () => {
    const body = [
      '> 提示：封禁期间无法发布笔记。',
      '',
      '```json',
      '{ "status": "**x**" }',
      '```',
      '',
      '| 渠道 | 时间 |',
      '|---|---|',
      '',
      '---',
      '',
      '![截图](a.png)<b>打开</b> __登录页__，点击 ~~旧入口~~ “账号申诉”。',
    ].join('\n');
    expect(summarizeArticle(body)).toBe('打开 登录页，点击 旧入口 “账号申诉”。');
  });

  it('treats a setext heading as a heading', () => {
    expect(summarizeArticle('退款说明\n========\n\n原路退回。')).toBe('原路退回。');
  });

  it('joins soft-wrapped Chinese lines without a space and English lines with one', () => {
    expect(summarizeArticle('超过 72 小时仍未更新，\n可以联系商家。')).toBe('超过 72 小时仍未更新，可以联系商家。');
    expect(summarizeArticle('Open the app\nand tap Help.')).toBe('Open the app and tap Help.');
  });

  it('clips a long article to the limit, at a sentence end when there is one', () => {
    const sentence = '这是一句用来凑长度的说明文字。';
    const summary = summarizeArticle(sentence.repeat(40), 300);
    expect(Array.from(summary).length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('。…')).toBe(true);
  });

  it('returns an empty summary for an empty or code-only body', () => {
    expect(summarizeArticle('')).toBe('');
    expect(summarizeArticle('```\ncode\n```')).toBe('');
  });
});

describe('inlinePlain and clip', () => {
  it('keeps link text, drops emphasis marks and escapes', () => {
    expect(inlinePlain('见 [帮助中心](https://x.test) 和 **重点**、*强调*、\\*星号\\*')).toBe('见 帮助中心 和 重点、强调、*星号*');
  });

  it('leaves snake_case and arithmetic alone', () => {
    expect(inlinePlain('order_id 与 2 * 3')).toBe('order_id 与 2 * 3');
  });

  it('counts characters, not UTF-16 units, and hard-cuts when no sentence end is near', () => {
    expect(clip('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(clip('短文本', 5)).toBe('短文本');
  });
});
