import { describe, expect, it } from 'vitest';
import { sentencesOf } from './buildKb';
import { DEMO_STATIC_ANCHOR, generateDemoReference } from './generate';

const { kb } = generateDemoReference({ anchor: DEMO_STATIC_ANCHOR });

describe('buildKb', () => {
  it('splits bodies into sentences without headings or list markers', () => {
    expect(sentencesOf('第一句。第二句！\n\n**操作步骤**\n\n1. 打开设置。\n- 注意安全。')).toEqual(['第一句。', '第二句！', '打开设置。', '注意安全。']);
  });

  it('writes bodies of 3 to 10 sentences with numbered steps or notes', () => {
    for (const a of kb.articles) {
      const n = sentencesOf(a.body).length;
      expect(n, a.id).toBeGreaterThanOrEqual(3);
      expect(n, a.id).toBeLessThanOrEqual(10);
      expect(a.body, a.id).toMatch(/\n(1\. |- )/);
    }
  });

  it('never lets two bodies share more than 60% of their sentences', () => {
    const sets = kb.articles.map((a) => new Set(sentencesOf(a.body)));
    let worst = 0;
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const a = sets[i] as Set<string>;
        const b = sets[j] as Set<string>;
        let shared = 0;
        for (const s of a) if (b.has(s)) shared++;
        const ratio = shared / Math.min(a.size, b.size);
        worst = Math.max(worst, ratio);
        expect(ratio, `${kb.articles[i]?.id} vs ${kb.articles[j]?.id}`).toBeLessThanOrEqual(0.6);
      }
    }
    expect(worst).toBeLessThan(0.6);
  });

  it('gives every article customer phrasings and keywords, none of them repeated across articles', () => {
    const questions = kb.articles.flatMap((a) => a.questions);
    expect(new Set(questions).size).toBe(questions.length);
    for (const a of kb.articles) {
      expect(a.questions.length, a.id).toBeGreaterThanOrEqual(2);
      expect(a.keywords.length, a.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('covers the topics customers of a community-and-shopping platform ask about', () => {
    const categories = new Set(kb.articles.map((a) => a.category));
    for (const c of ['账号与登录', '账号安全', '实名认证', '笔记发布', '审核与申诉', '付费推广', '举报与投诉', '隐私设置', '退款', '退货退换', '物流配送', '售后服务', '支付', '优惠券', '会员权益', '创作者收益', '商家规则']) {
      expect(categories.has(c), c).toBe(true);
    }
  });
});
