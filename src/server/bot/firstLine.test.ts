import { afterEach, describe, expect, it } from 'vitest';
import { CustomerMessagesResponseSchema } from '../../shared/api/customerChat';
import type { KbArticle } from '../../shared/domain/kb';
import type { StartServerOptions } from '../app';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { F } from '../testing/fixtures';
import { bearer, startTestServer } from '../testing/testServer';
import { KbBot } from './kbBot';
import type { BotProvider } from './types';
import { openCollector, type WsCollector } from '../testing/wsClient';

// The bot first line over the real HTTP and WebSocket API: a customer in the fixture's bot-first
// queue (queue-bot, served by team X) talks to the KB bot until it hands them to a person.

const REFUND = 'kb-refund';

/** A small KB of distinct topics for team X, so bm25 has rare and common words to tell apart. */
const TOPICS: Array<[id: string, title: string, body: string, questions: string[]]> = [
  [REFUND, '如何申请退款', '在订单详情页点击「申请退款」，选择退款原因并提交，商家同意后原路退回。', ['怎么退款', '退款怎么申请']],
  ['kb-refund-time', '退款多久能到账', '退款成功后，余额支付即时到账，银行卡1至7个工作日到账。', ['退款什么时候到']],
  ['kb-password', '忘记登录密码如何重置', '在登录页点击「忘记密码」，用绑定手机号接收验证码后设置新密码。', ['密码忘了']],
  ['kb-invoice', '申请开具购物发票', '订单完成后在订单详情页点击「申请发票」，填写抬头和税号。', ['怎么开发票']],
  ['kb-logistics', '物流信息长时间不更新', '物流超过48小时未更新时，可联系商家催促发货或查询快递公司。', ['快递不动了']],
  ['kb-coupon', '优惠券无法使用的常见原因', '优惠券有使用门槛、有效期和适用商品范围，请在券详情中查看。', ['优惠券用不了']],
  ['kb-address', '修改收货地址', '商家发货前可在订单详情页修改收货地址，发货后请联系快递。', ['地址填错了']],
  ['kb-delete', '申请注销账号', '在设置 > 账号与安全 > 注销账号中提交申请，7天后生效。', ['怎么注销']],
];

let t: FixtureServer;
const sockets: WsCollector[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) await socket.close();
  await t?.stop();
});

async function start(options: Partial<StartServerOptions> = {}): Promise<void> {
  t = await startFixtureServer(options);
  const { writer, kb } = t.internals.domain;
  writer.write((tx) => {
    for (const [id, title, body, questions] of TOPICS) {
      const article: KbArticle = { id, title, body, category: 'faq', tags: [], keywords: [], questions, teamIds: [F.teamX], shopId: null, updatedAt: t.clock.now() };
      kb.insertArticle(tx, article);
    }
  });
}

/** The customer writes in the bot-first queue and waits for the bot's turn to commit. */
async function say(text: string, conversationId?: string): Promise<string> {
  const sent = await t.customerSays('c4', F.queueBot, text, conversationId ? { conversationId } : {});
  await t.internals.domain.bot.idle();
  return sent.conversationId;
}

async function customerView(conversationId: string) {
  const response = await t.get(`/api/customer/conversations/${conversationId}/messages`, bearer(F.tokens.c4));
  expect(response.status).toBe(200);
  return CustomerMessagesResponseSchema.parse(await response.json()).messages;
}

const statusOf = (conversationId: string) => t.internals.domain.conversations.conversation(conversationId)?.status;

describe('the bot first line in a bot-first queue', () => {
  it('answers 怎么退款 from the KB with an ordinary synced bot message naming the article', async () => {
    await start();
    const conversationId = await say('怎么退款');

    const messages = await customerView(conversationId);
    expect(messages.map((m) => m.senderKind)).toEqual(['customer', 'bot']);
    expect(messages[1]!.body).toContain('关于「如何申请退款」');
    expect(messages[1]!.body).toContain('申请退款');
    expect(statusOf(conversationId)).toBe('bot');

    // The same answer is a synced row with its article, e.g. for the lead of the queue's team.
    const rows = (await t.everything('leadX')).rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId);
    expect(rows.map((r) => [r.data.senderKind, r.data.articleId])).toEqual([
      ['customer', null],
      ['bot', REFUND],
    ]);
  });

  it("reaches the customer's widget socket live: the answer, then the hand-off and the status", async () => {
    await start();
    const widget = await openCollector(t.url, F.tokens.c4, '/api/customer/ws');
    sockets.push(widget);
    const conversationId = await say('怎么退款');
    const answer = await widget.next((f) => f.t === 'event' && f.name === 'messages.changed' && (f.payload as { message: { senderKind: string } }).message.senderKind === 'bot');
    expect((answer.payload as { message: { body: string } }).message.body).toContain('如何申请退款');

    await say('人工', conversationId);
    await widget.next((f) => f.t === 'event' && f.name === 'conversations.changed' && (f.payload as { status: string }).status === 'queued');
    const events = widget.frames.filter((f) => f.t === 'event' && f.name === 'messages.changed').map((f) => (f.payload as { message: { kind: string } }).message.kind);
    expect(events).not.toContain('event');
  });

  it('hands off on 转人工: the conversation is queued with the transcript line, and an online agent is offered it', async () => {
    await start();
    const agent = await openCollector(t.url, t.tokens.p1);
    sockets.push(agent);
    await t.apply('p1', 'presence.set', { presence: 'online' });

    const conversationId = await say('怎么退款');
    await say('转人工', conversationId);

    expect(statusOf(conversationId)).toBe('queued');
    const offer = await agent.next((f) => f.t === 'event' && f.name === 'offers.changed');
    expect(offer.payload).toMatchObject({ conversationId, queueId: F.queueBot });

    // The customer hears that a person is coming, but never sees the internal summary line.
    const seen = await customerView(conversationId);
    expect(seen.at(-1)).toMatchObject({ senderKind: 'bot', body: '好的，正在为您转接人工客服，请稍候…' });
    expect(seen.some((m) => m.kind === 'event')).toBe(false);

    // The agent who accepts receives the whole bot part, ending with the summary line.
    await t.apply('p1', 'conversations.accept', { conversationId });
    const timeline = (await t.everything('p1')).rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId);
    const bodies = timeline.map((r) => `${String(r.data.senderKind)}:${String(r.data.body).split('\n')[0]}`);
    expect(bodies.slice(0, 5)).toEqual([
      'customer:怎么退款',
      'bot:关于「如何申请退款」：',
      'customer:转人工',
      'bot:好的，正在为您转接人工客服，请稍候…',
      'system:首问：怎么退款｜转人工原因：客户要求转人工',
    ]);
  });

  it.each([
    ['nonsense, on low confidence', '蓝色的大象飞过月亮', '这个问题我暂时无法准确回答，正在为您转接人工客服，请稍候…'],
    ['a complaint, by the shared QC rules', '你们卖假货，我要投诉', '您反映的情况我们非常重视，正在为您转接人工客服，请稍候…'],
  ])('hands %s to a person at once', async (_what, text, goodbye) => {
    await start();
    const conversationId = await say(text);
    expect(statusOf(conversationId)).toBe('queued');
    expect((await customerView(conversationId)).at(-1)?.body).toBe(goodbye);
  });

  it('hands off after the configured number of unhelpful turns, and not before', async () => {
    await start({ bot: { maxUnhelpfulTurns: 3 } });
    const conversationId = await say('怎么退款');
    await say('没用', conversationId);
    await say('还是没用', conversationId);
    expect(statusOf(conversationId)).toBe('bot');
    await say('没用', conversationId);
    expect(statusOf(conversationId)).toBe('queued');
    const summary = t.internals.domain.messages.idsOf(conversationId).map((id) => t.internals.domain.messages.message(id)!).at(-1);
    expect(summary).toMatchObject({ senderKind: 'system', kind: 'event', body: '首问：怎么退款｜转人工原因：机器人多次回答未解决' });
  });

  it('stays quiet once a person has the conversation, and in queues without a bot', async () => {
    await start();
    const conversationId = await say('人工');
    await t.apply('p1', 'conversations.accept', { conversationId });
    await say('怎么退款', conversationId);
    expect((await customerView(conversationId)).filter((m) => m.senderKind === 'bot')).toHaveLength(1);

    const plain = await t.customerSays('c4', F.queueX, '怎么退款');
    await t.internals.domain.bot.idle();
    expect((await customerView(plain.conversationId)).map((m) => m.senderKind)).toEqual(['customer']);
  });

  it('answers only the latest of several messages that came in while it was deciding', async () => {
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const kbBot = new KbBot();
    const slow: BotProvider = { reply: async (input, ctx) => (await gate, kbBot.reply(input, ctx)) };
    await start({ bot: { provider: slow } });

    const first = await t.customerSays('c4', F.queueBot, '你好');
    await t.customerSays('c4', F.queueBot, '怎么开发票', { conversationId: first.conversationId });
    open();
    await t.internals.domain.bot.idle();
    const messages = await customerView(first.conversationId);
    expect(messages.map((m) => m.senderKind)).toEqual(['customer', 'customer', 'bot']);
    expect(messages[2]!.body).toContain('申请开具购物发票');
  });

  it('answers a customer left waiting by a killed server when it starts again', async () => {
    await start();
    const conversationId = await say('你好');
    // Committed, and the server died before the bot's turn: the message is the newest line.
    const { writer, messages } = t.internals.domain;
    writer.write((tx) =>
      messages.insertMessage(tx, {
        id: 'msg-left-waiting',
        conversationId,
        senderKind: 'customer',
        senderId: F.customers.c4,
        kind: 'text',
        body: '怎么开发票',
        event: null,
        articleId: null,
        createdAt: t.clock.now(),
        platformOnly: false,
        clientMutationId: null,
      }),
    );
    await t.server.close();

    const again = await startTestServer({ dataDir: t.dataDir, demo: false });
    try {
      await again.internals.domain.bot.idle();
      const last = again.internals.domain.messages.customerVisible(conversationId).at(-1);
      expect(last).toMatchObject({ senderKind: 'bot', articleId: 'kb-invoice' });
    } finally {
      await again.stop();
    }
  });
});
