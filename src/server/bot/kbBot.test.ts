import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KbBot } from './kbBot';
import { memoryKbSearch, TEST_ARTICLES } from './testKb';
import type { BotDecision, BotHistoryTurn, BotLocale, KbHit, KbSearch } from './types';

function harness(search: KbSearch = memoryKbSearch(), bot = new KbBot()) {
  const queries: string[] = [];
  const counted: KbSearch = (query, limit) => {
    queries.push(query);
    return search(query, limit);
  };
  const ask = (customerMessage: string, history: BotHistoryTurn[] = [], locale: BotLocale = 'zh-CN'): Promise<BotDecision> =>
    bot.reply({ conversationId: 'c-1', customerMessage, history, locale }, { search: counted, now: () => 0 });
  return { ask, queries, bot };
}

/** A search that returns fixed hits whatever the query. */
function fixedSearch(hits: Array<Partial<KbHit> & { score: number }>): KbSearch {
  return async (_query, limit) =>
    hits.slice(0, limit).map((h, i) => ({ articleId: `a${i}`, title: `标题${i}`, body: `正文${i}。`, ...h }));
}

function answer(decision: BotDecision) {
  if (decision.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(decision)}`);
  return decision;
}

const MARKDOWN = [/^\s*#/m, /\*\*/, /```/, /__/, /~~/, /`/, /\]\(/, /^\s*[-*+] /m, /^\s*>/m];

describe('KbBot answers from the knowledge base', () => {
  it.each([
    ['忘记密码了怎么办', 'kb-password'],
    ['退款多久能到账', 'kb-refund-time'],
    ['怎么申请退货', 'kb-return'],
    ['物流一直不更新', 'kb-logistics'],
    ['怎么举报违规笔记', 'kb-report'],
    ['笔记发布了别人看不到', 'kb-review'],
    ['账号被封了怎么申诉', 'kb-appeal'],
    ['我想换手机号', 'kb-phone'],
  ])('%s → %s', async (question, articleId) => {
    const { ask } = harness();
    const reply = answer(await ask(question));
    expect(reply.articleIds[0]).toBe(articleId);
    expect(reply.confidence).toBeGreaterThanOrEqual(0.55);
    expect(reply.confidence).toBeLessThanOrEqual(1);
  });

  it("leads with the article's title, gives its first paragraph and steps, and asks for more", async () => {
    const { ask } = harness();
    const reply = answer(await ask('忘记密码了怎么办'));
    expect(reply.text).toBe(
      [
        '关于「忘记登录密码怎么找回」：',
        '忘记登录密码时，可以通过绑定的手机号自助重置：',
        '1. 打开 App，在登录页点击“忘记密码”',
        '2. 输入绑定的手机号，获取并填写 短信验证码',
        '3. 设置新密码（8-20 位，需包含字母和数字）',
        '还有其他问题吗？',
      ].join('\n'),
    );
  });

  it('suggests close runners-up as related titles, not every weak hit', async () => {
    const { ask } = harness();
    const reply = answer(await ask('怎么修改绑定的手机号'));
    expect(reply.articleIds).toEqual(['kb-phone', 'kb-password']);
    expect(reply.text).toContain('\n\n您可能还想了解：忘记登录密码怎么找回\n还有其他问题吗？');
    // 如何申请退货退款 shares only 退款 with the question: far below the answer's score
    expect(answer(await ask('退款多久能到账')).articleIds).toEqual(['kb-refund-time']);
  });

  it('suggests at most two related titles, and never the answered article twice', async () => {
    const search = fixedSearch([
      { score: 20, articleId: 'a', title: '甲' },
      { score: 20, articleId: 'a', title: '甲' },
      { score: 19, articleId: 'b', title: '乙' },
      { score: 18, articleId: 'c', title: '丙' },
      { score: 17, articleId: 'd', title: '丁' },
    ]);
    const reply = answer(await harness(search).ask('随便问问'));
    expect(reply.articleIds).toEqual(['a', 'b', 'c']);
    expect(reply.text).toContain('您可能还想了解：乙；丙');
  });

  it('answers in English for an English-speaking customer', async () => {
    const reply = answer(await harness().ask('忘记密码了怎么办', [], 'en'));
    expect(reply.text.startsWith('About "忘记登录密码怎么找回":\n')).toBe(true);
    expect(reply.text.endsWith('Anything else I can help with?')).toBe(true);
  });

  it('greets and thanks back without searching', async () => {
    const { ask, queries } = harness();
    expect(answer(await ask('你好')).text).toBe('您好，我是智能客服，请问有什么可以帮您？');
    expect(answer(await ask('hello', [], 'en')).text).toContain('How can I help you?');
    const thanks = answer(await ask('好的，谢谢', [{ sender: 'customer', text: '退款多久能到账' }, { sender: 'bot', text: '关于「退款多久到账」：…' }]));
    expect(thanks.text).toBe('不客气，还有其他问题吗？');
    expect(answer(await ask('   ')).articleIds).toEqual([]);
    expect(queries).toEqual([]);
  });
});

describe('KbBot normalises search scores to a confidence and hands off below the threshold', () => {
  it('hands off a question the KB does not cover', async () => {
    const { ask } = harness();
    for (const question of ['今天天气怎么样', '优惠券怎么用', '退款']) {
      expect(await ask(question)).toEqual({
        kind: 'handoff',
        reason: 'low_confidence',
        text: '这个问题我暂时无法准确回答，正在为您转接人工客服，请稍候…',
      });
    }
  });

  it('hands off when the search finds nothing at all', async () => {
    expect(await harness(fixedSearch([])).ask('退款多久到账')).toMatchObject({ kind: 'handoff', reason: 'low_confidence' });
  });

  it('uses s / (s + 4) by default: 5 clears 0.55, 4.8 does not', async () => {
    const above = answer(await harness(fixedSearch([{ score: 5 }])).ask('问题'));
    expect(above.confidence).toBe(0.556);
    expect(await harness(fixedSearch([{ score: 4.8 }])).ask('问题')).toMatchObject({ reason: 'low_confidence' });
  });

  it('takes its threshold, half-point or whole normalisation from options', async () => {
    const strict = new KbBot({ confidenceThreshold: 0.8 });
    expect(await harness(fixedSearch([{ score: 5 }]), strict).ask('问题')).toMatchObject({ reason: 'low_confidence' });
    const lenient = new KbBot({ scoreAtHalfConfidence: 1 });
    expect(answer(await harness(fixedSearch([{ score: 2 }]), lenient).ask('问题')).confidence).toBe(0.667);
    const custom = new KbBot({ toConfidence: (s) => s / 10 });
    expect(answer(await harness(fixedSearch([{ score: 6 }]), custom).ask('问题')).confidence).toBe(0.6);
    const broken = new KbBot({ toConfidence: () => Number.NaN });
    expect(await harness(fixedSearch([{ score: 6 }]), broken).ask('问题')).toMatchObject({ reason: 'low_confidence' });
  });

  it('asks the search for the configured number of hits', async () => {
    const limits: number[] = [];
    const bot = new KbBot({ searchLimit: 8 });
    await bot.reply(
      { conversationId: 'c', customerMessage: '退款多久到账', history: [], locale: 'zh-CN' },
      { search: async (_q, limit) => (limits.push(limit), []), now: () => 0 },
    );
    expect(limits).toEqual([8]);
  });
});

describe('KbBot hands off at once on a request for a person or a sensitive word', () => {
  it.each(['转人工', '人工', '我要人工客服', '退款还没到，找真人'])('zh %s → asked_for_human, no search', async (text) => {
    const { ask, queries } = harness();
    expect(await ask(text)).toEqual({ kind: 'handoff', reason: 'asked_for_human', text: '好的，正在为您转接人工客服，请稍候…' });
    expect(queries).toEqual([]);
  });

  it.each(['agent', 'I want to talk to a real person', 'human please'])('en %s → asked_for_human', async (text) => {
    expect(await harness().ask(text, [], 'en')).toEqual({
      kind: 'handoff',
      reason: 'asked_for_human',
      text: 'Sure, connecting you to a customer service agent, please wait…',
    });
  });

  it('answers questions that merely contain 人工 or 真人', async () => {
    const { ask } = harness();
    expect(answer(await ask('笔记还在人工审核，发布了别人看不到')).articleIds[0]).toBe('kb-review');
    expect(await ask('人工智能推荐怎么关闭')).not.toMatchObject({ reason: 'asked_for_human' });
  });

  it.each(['你们卖假货', '我要投诉这个商家', '这是诈骗，我要报警', '我要投诉，转人工'])('%s → sensitive', async (text) => {
    const { ask, queries } = harness();
    expect(await ask(text)).toEqual({ kind: 'handoff', reason: 'sensitive', text: '您反映的情况我们非常重视，正在为您转接人工客服，请稍候…' });
    expect(queries).toEqual([]);
  });

  it('hands an English complaint off with English text', async () => {
    expect(await harness().ask('this is a scam', [], 'en')).toMatchObject({ reason: 'sensitive', text: expect.stringContaining('We take this seriously') });
  });
});

describe('KbBot counts unhelpful turns from the history', () => {
  const q = (text: string): BotHistoryTurn => ({ sender: 'customer', text });
  const b = (text: string): BotHistoryTurn => ({ sender: 'bot', text });

  it('on "没用" tries the next article for the earlier question, then hands off on the second', async () => {
    const { ask, queries } = harness();
    const history: BotHistoryTurn[] = [q('怎么修改绑定的手机号')];
    const first = answer(await ask('怎么修改绑定的手机号'));
    expect(first.articleIds[0]).toBe('kb-phone');
    history.push(b(first.text));

    const second = answer(await ask('没用', history));
    expect(queries.at(-1)).toBe('怎么修改绑定的手机号');
    expect(second.articleIds[0]).toBe('kb-password');
    expect(second.text.startsWith('抱歉，刚才的回答没能帮到您。\n关于「忘记登录密码怎么找回」：')).toBe(true);
    history.push(q('没用'), b(second.text));

    expect(await ask('还是没解决', history)).toEqual({
      kind: 'handoff',
      reason: 'unhelpful_turns',
      text: '抱歉没能帮您解决问题，正在为您转接人工客服，请稍候…',
    });
  });

  it('searches a longer complaint together with the question it complains about', async () => {
    const { ask, queries } = harness();
    const history = [q('退款多久能到账'), b(answer(await ask('退款多久能到账')).text)];
    const reply = answer(await ask('答非所问，我是想申请退货', history));
    expect(queries.at(-1)).toBe('退款多久能到账 答非所问，我是想申请退货');
    expect(reply.articleIds[0]).toBe('kb-return');
  });

  it('counts a repeated question, and asks to rephrase when there is nothing else to offer', async () => {
    const { ask } = harness();
    const history = [q('退款多久能到账'), b(answer(await ask('退款多久能到账')).text)];
    const retry = answer(await ask('退款多久能到账？？', history));
    expect(retry).toEqual({
      kind: 'answer',
      text: '抱歉，刚才的回答没能帮到您。您可以换个说法描述一下问题，或回复“人工”为您转接人工客服。',
      articleIds: [],
      confidence: 0,
    });
    history.push(q('退款多久能到账？？'), b(retry.text));
    expect(await ask('退款多久到账啊', history)).toMatchObject({ kind: 'handoff', reason: 'unhelpful_turns' });
  });

  it('counts the bot about to give the same article again, even for a differently worded question', async () => {
    const { ask } = harness();
    const history = [q('忘记密码了怎么办'), b(answer(await ask('忘记密码了怎么办')).text)];
    const second = answer(await ask('忘记密码怎么找回', history));
    expect(second.text.startsWith('抱歉，刚才的回答没能帮到您。')).toBe(true);
    expect(second.articleIds).not.toContain('kb-password');
    history.push(q('忘记密码怎么找回'), b(second.text));
    expect(await ask('登录密码忘记了怎么找回', history)).toMatchObject({ reason: 'unhelpful_turns' });
  });

  it('counts another provider answering with the same article twice', async () => {
    const same = '关于「退款多久到账」：原路退回。';
    const history = [q('退款多久到账'), b(same), q('退款什么时候到'), b(same)];
    expect(await harness().ask('没用', history)).toMatchObject({ reason: 'unhelpful_turns' });
  });

  it('does not count different questions that each got their own answer', async () => {
    const { ask } = harness();
    const history: BotHistoryTurn[] = [];
    for (const question of ['忘记密码了怎么办', '退款多久能到账', '怎么申请退货', '物流一直不更新']) {
      const reply = answer(await ask(question, history));
      expect(reply.text.startsWith('抱歉')).toBe(false);
      history.push(q(question), b(reply.text));
    }
  });

  it('starts counting afresh after "thanks" and after an agent took part', async () => {
    const { ask } = harness();
    const answered = b(answer(await ask('退款多久能到账')).text);
    const unhelpedOnce = [q('退款多久能到账'), answered, q('没用'), b('抱歉，刚才的回答没能帮到您。…')];
    expect(await ask('没用', unhelpedOnce)).toMatchObject({ reason: 'unhelpful_turns' });
    expect(await ask('没用', [...unhelpedOnce, q('好的谢谢'), q('退款多久能到账'), answered])).toMatchObject({ kind: 'answer' });
    expect(await ask('没用', [...unhelpedOnce, { sender: 'agent', text: '您好' }, q('退款多久能到账'), answered])).toMatchObject({ kind: 'answer' });
  });

  it('hands off after one unhelpful turn when so configured', async () => {
    const { ask } = harness(memoryKbSearch(), new KbBot({ maxUnhelpfulTurns: 1 }));
    const history = [q('退款多久能到账'), b(answer(await ask('退款多久能到账')).text)];
    expect(await ask('not helpful', history, 'en')).toMatchObject({ reason: 'unhelpful_turns', text: expect.stringContaining("Sorry I couldn't") });
  });

  it('does not treat "没用" as feedback before the bot has said anything', async () => {
    expect(await harness().ask('没用')).toMatchObject({ reason: 'low_confidence' });
  });
});

describe('KbBot output', () => {
  it('never carries Markdown syntax, whatever the article looks like', async () => {
    const nasty = [
      '## **加粗标题**',
      '',
      '> 引用的提示',
      '',
      '这是 __正文__，含 `代码`、~~删除线~~、[链接](https://x.test)、![图](y.png) 和 <i>HTML</i>。',
      '',
      '* 第一步 **重点**',
      '+ 第二步',
      '',
      '```bash',
      'rm -rf /',
      '```',
    ].join('\n');
    const articles = [...TEST_ARTICLES, { articleId: 'nasty', title: '**奇怪**的 `标题`', body: nasty }];
    for (const article of articles) {
      const reply = answer(await harness(fixedSearch([{ ...article, score: 50 }, ...articles.map((a) => ({ ...a, score: 40 }))])).ask('问题'));
      for (const marker of MARKDOWN) expect(reply.text).not.toMatch(marker);
    }
  });

  it('is deterministic: the same input gives the same decision, whatever the clock says', async () => {
    const search = memoryKbSearch();
    const input = { conversationId: 'c-1', customerMessage: '怎么修改绑定的手机号', history: [], locale: 'zh-CN' as const };
    const a = await new KbBot().reply(input, { search, now: () => 0 });
    const b = await new KbBot().reply(input, { search, now: () => 1e12 });
    expect(b).toEqual(a);
  });

  it('always returns a well-formed, deterministic, Markdown-free decision (property)', async () => {
    const piece = fc.constantFrom('退款', '密码', '忘记', '人工', '没用', '怎么', '？', '#', '**', 'agent', ' ', '笔记', '谢谢', '你好', '物流', '\n');
    const search = memoryKbSearch();
    const bot = new KbBot();
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.array(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), { maxLength: 4 }), async (message, earlier) => {
        const history = earlier.map((text, i): BotHistoryTurn => ({ sender: i % 2 ? 'bot' : 'customer', text }));
        const input = { conversationId: 'p', customerMessage: message, history, locale: 'zh-CN' as const };
        const first = await bot.reply(input, { search, now: () => 0 });
        expect(await bot.reply(input, { search, now: () => 5 })).toEqual(first);
        expect(first.text.trim().length).toBeGreaterThan(0);
        if (first.kind === 'answer') {
          expect(first.confidence).toBeGreaterThanOrEqual(0);
          expect(first.confidence).toBeLessThanOrEqual(1);
          for (const marker of MARKDOWN) expect(first.text).not.toMatch(marker);
        }
      }),
      { seed: 20250106, numRuns: 300 },
    );
  });

  it('stops when its signal is aborted, so a timed-out turn does no more work', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    const bot = new KbBot();
    await expect(
      bot.reply({ conversationId: 'c', customerMessage: '退款多久到账', history: [], locale: 'zh-CN' }, { search: memoryKbSearch(), now: () => 0, signal: controller.signal }),
    ).rejects.toThrow('too late');
  });
});
