import { describe, expect, it } from 'vitest';
import { handoffSummary } from './transcript';
import type { BotHistoryTurn } from './types';

const turn = (sender: BotHistoryTurn['sender'], text: string): BotHistoryTurn => ({ sender, text });

describe('handoffSummary', () => {
  it("names the customer's first real question, skipping greetings and the request for a person", () => {
    const summary = handoffSummary([turn('customer', '你好'), turn('bot', '您好'), turn('customer', '转人工'), turn('customer', '订单\n一直没发货')], 'asked_for_human', 'zh-CN');
    expect(summary).toBe('首问：订单 一直没发货｜转人工原因：客户要求转人工');
  });

  it('says so when there was no question, and clips a long one to one short line', () => {
    expect(handoffSummary([turn('customer', '人工')], 'asked_for_human', 'zh-CN')).toBe('首问：（无）｜转人工原因：客户要求转人工');
    const long = handoffSummary([turn('customer', '我'.repeat(100))], 'low_confidence', 'zh-CN');
    expect(long).toBe(`首问：${'我'.repeat(59)}…｜转人工原因：机器人无法确定答案`);
    expect(long).not.toContain('\n');
  });

  it('writes the summary in English for an English conversation, for every reason', () => {
    const turns = [turn('customer', 'Where is my parcel?')];
    expect(handoffSummary(turns, 'sensitive', 'en')).toBe('First question: Where is my parcel? | Hand-off: complaint or other sensitive content');
    for (const reason of ['asked_for_human', 'low_confidence', 'unhelpful_turns', 'sensitive', 'provider_error'] as const) {
      expect(handoffSummary(turns, reason, 'en')).toMatch(/^First question: Where is my parcel\? \| Hand-off: \w/);
      expect(handoffSummary(turns, reason, 'zh-CN')).toMatch(/^首问：Where is my parcel\?｜转人工原因：\S/);
    }
  });
});
