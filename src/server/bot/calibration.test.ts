import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer';
import { saturatingConfidence } from './confidence';
import { kbSearch } from './firstLine';
import { questionMatchScore, SERVER_SCORE_AT_HALF_CONFIDENCE } from './options';

// The bot's confidence against the demo KB (about 200 articles, indexed as the demo data loads):
// the figures behind SERVER_SCORE_AT_HALF_CONFIDENCE and the default threshold of 0.55.

const THRESHOLD = 0.55;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ demoData: true });
});
afterAll(() => t.stop());

async function best(question: string) {
  const hits = await kbSearch(t.internals.domain.kb, 'q-trade', questionMatchScore())(question, 1);
  const top = hits[0];
  return { title: top?.title ?? null, confidence: top ? saturatingConfidence(top.score, SERVER_SCORE_AT_HALF_CONFIDENCE) : 0 };
}

describe('bot confidence on the demo KB', () => {
  it.each([
    ['退款多久到账', '退款多久能到账'],
    ['忘记密码了', '忘记登录密码如何重置'],
    ['我想改一下收货地址', '修改收货地址'],
    ['物流一直不更新', '物流信息长时间不更新'],
    ['退货运费谁出', '运费能否一起退'],
    ['账号被盗了怎么办', '账号被盗后的紧急处理'],
    ['怎么开发票', '申请开具购物发票'],
    ['商品有质量问题', '收到的商品有质量问题'],
  ])('a real question (%s) finds its article above the threshold', async (question, title) => {
    const found = await best(question);
    expect(found.title).toBe(title);
    expect(found.confidence).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each(['今天天气怎么样', '你们家猫叫什么名字', '蓝色的大象飞过', '讲个笑话', '明天会下雨吗', '你是谁', '帮我写首诗', '股票会涨吗', 'hello world', 'how to get a refund'])(
    'small talk (%s) stays below the threshold',
    async (question) => {
      expect((await best(question)).confidence).toBeLessThan(THRESHOLD);
    },
  );

  it("lifts an article whose own listed questions include the customer's", async () => {
    // 密码想不起来了 is one of the demo article's questions, worded unlike its title.
    expect(await best('密码想不起来了')).toMatchObject({ title: '忘记登录密码如何重置', confidence: 0.8 });
  });
});
