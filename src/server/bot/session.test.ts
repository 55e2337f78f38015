import { describe, expect, it } from 'vitest';
import { KbBot } from './kbBot';
import { BotSession, buildTranscript, type TranscriptTurn } from './session';
import { memoryKbSearch } from './testKb';
import { withTimeout } from './timeout';
import type { BotDecision, BotInput, BotProvider, KbSearch } from './types';

class FakeClock {
  constructor(public time = Date.UTC(2025, 0, 6, 9, 0, 0)) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

describe('BotSession', () => {
  it('keeps the timed transcript and hands it to the agent with a one-line summary', async () => {
    const clock = new FakeClock();
    const memory = memoryKbSearch();
    // each search takes 200 ms of (fake) time, so bot lines are stamped after the customer's
    const search: KbSearch = async (q, limit) => {
      clock.advance(200);
      return memory(q, limit);
    };
    const session = new BotSession({ conversationId: 'c-9', locale: 'zh-CN', provider: withTimeout(new KbBot()), search, now: clock.now });
    session.record('bot', '您好，我是智能客服，请问有什么可以帮您？');

    clock.advance(10_000);
    expect(await session.handle('怎么修改绑定的手机号')).toMatchObject({ kind: 'answer', articleIds: ['kb-phone', 'kb-password'] });
    expect(session.handoff).toBeNull();
    clock.advance(30_000);
    expect(await session.handle('没用')).toMatchObject({ kind: 'answer', articleIds: ['kb-password'] });
    clock.advance(30_000);
    const last = await session.handle('还是没解决');
    expect(last).toMatchObject({ kind: 'handoff', reason: 'unhelpful_turns' });

    const transcript = session.handoff;
    expect(transcript?.reason).toBe('unhelpful_turns');
    expect(transcript?.summary).toBe('首问：怎么修改绑定的手机号｜转人工原因：机器人多次回答未解决');
    expect(transcript?.turns.map((t) => [t.sender, t.at - T0])).toEqual([
      ['bot', 0],
      ['customer', 10_000],
      ['bot', 10_200],
      ['customer', 40_200],
      ['bot', 40_400],
      ['customer', 70_400],
      ['bot', 70_400],
    ]);
    expect(transcript?.turns.map((t) => t.text.split('\n')[0])).toEqual([
      '您好，我是智能客服，请问有什么可以帮您？',
      '怎么修改绑定的手机号',
      '关于「如何更换绑定手机号」：',
      '没用',
      '抱歉，刚才的回答没能帮到您。',
      '还是没解决',
      '抱歉没能帮您解决问题，正在为您转接人工客服，请稍候…',
    ]);
  });

  it('gives the provider the history before each message, in order, even when messages arrive together', async () => {
    const seen: BotInput[] = [];
    const provider: BotProvider = {
      reply: async (input) => {
        seen.push(input);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { kind: 'answer', text: `答：${input.customerMessage}`, articleIds: [], confidence: 1 };
      },
    };
    const session = new BotSession({ conversationId: 'c-1', locale: 'zh-CN', provider, search: memoryKbSearch(), now: () => 1 });
    const [a, b] = await Promise.all([session.handle('第一句'), session.handle('第二句')]);
    expect(a?.text).toBe('答：第一句');
    expect(b?.text).toBe('答：第二句');
    expect(seen[1]?.history).toEqual([
      { sender: 'customer', text: '第一句' },
      { sender: 'bot', text: '答：第一句' },
    ]);
    expect(seen.map((s) => s.conversationId)).toEqual(['c-1', 'c-1']);
  });

  it('after a hand-off, leaves further messages to the agent', async () => {
    let calls = 0;
    const provider: BotProvider = {
      reply: async (): Promise<BotDecision> => {
        calls += 1;
        return { kind: 'handoff', reason: 'asked_for_human', text: '好的，正在为您转接人工客服，请稍候…' };
      },
    };
    const session = new BotSession({ conversationId: 'c-1', locale: 'zh-CN', provider, search: memoryKbSearch(), now: () => 1 });
    await session.handle('人工');
    const before = session.handoff;
    expect(await session.handle('在吗')).toBeNull();
    expect(calls).toBe(1);
    expect(session.handoff).toBe(before);
    expect(session.turns).toHaveLength(2);
  });

  it('resumes from stored turns after a restart', async () => {
    const stored: TranscriptTurn[] = [
      { sender: 'customer', text: '退款多久能到账', at: 1 },
      { sender: 'bot', text: '关于「退款多久到账」：…', at: 2 },
    ];
    const session = new BotSession({ conversationId: 'c-1', locale: 'zh-CN', provider: new KbBot(), search: memoryKbSearch(), now: () => 3, turns: stored });
    expect(await session.handle('没用')).toMatchObject({ kind: 'answer' });
    expect(await session.handle('还是没用')).toMatchObject({ kind: 'handoff', reason: 'unhelpful_turns' });
    expect(session.handoff?.summary).toBe('首问：退款多久能到账｜转人工原因：机器人多次回答未解决');
    expect(stored).toHaveLength(2);
  });

  it('records the customer turn even when an unguarded provider throws, and passes the error on', async () => {
    const provider: BotProvider = { reply: async () => Promise.reject(new Error('boom')) };
    const session = new BotSession({ conversationId: 'c-1', locale: 'zh-CN', provider, search: memoryKbSearch(), now: () => 1 });
    await expect(session.handle('退款')).rejects.toThrow('boom');
    expect(session.turns.map((t) => t.sender)).toEqual(['customer']);
    expect(await withTimeout(provider).reply({ conversationId: 'c-1', customerMessage: '退款', history: [], locale: 'zh-CN' }, { search: memoryKbSearch(), now: () => 1 })).toMatchObject({ reason: 'provider_error' });
  });
});

describe('buildTranscript', () => {
  const turn = (sender: TranscriptTurn['sender'], text: string, at = 0): TranscriptTurn => ({ sender, text, at });

  it("names the customer's first real question, skipping greetings and the request for a person", () => {
    const transcript = buildTranscript([turn('customer', '你好'), turn('bot', '您好'), turn('customer', '转人工'), turn('customer', '订单\n一直没发货')], 'asked_for_human', 'zh-CN');
    expect(transcript.summary).toBe('首问：订单 一直没发货｜转人工原因：客户要求转人工');
  });

  it('says so when there was no question, and clips a long one to one short line', () => {
    expect(buildTranscript([turn('customer', '人工')], 'asked_for_human', 'zh-CN').summary).toBe('首问：（无）｜转人工原因：客户要求转人工');
    const long = buildTranscript([turn('customer', '我'.repeat(100))], 'low_confidence', 'zh-CN').summary;
    expect(long).toBe(`首问：${'我'.repeat(59)}…｜转人工原因：机器人无法确定答案`);
    expect(long).not.toContain('\n');
  });

  it('writes the summary in English for an English conversation, for every reason', () => {
    const turns = [turn('customer', 'Where is my parcel?')];
    expect(buildTranscript(turns, 'sensitive', 'en').summary).toBe('First question: Where is my parcel? | Hand-off: complaint or other sensitive content');
    for (const reason of ['asked_for_human', 'low_confidence', 'unhelpful_turns', 'sensitive', 'provider_error'] as const) {
      expect(buildTranscript(turns, reason, 'en').summary).toMatch(/^First question: Where is my parcel\? \| Hand-off: \w/);
      expect(buildTranscript(turns, reason, 'zh-CN').summary).toMatch(/^首问：Where is my parcel\?｜转人工原因：\S/);
    }
  });

  it('copies the turns, so later changes to the session do not rewrite what the agent got', () => {
    const turns = [turn('customer', '退款', 5)];
    const transcript = buildTranscript(turns, 'low_confidence', 'zh-CN');
    turns[0]!.text = '改过';
    expect(transcript.turns).toEqual([{ sender: 'customer', text: '退款', at: 5 }]);
  });
});
