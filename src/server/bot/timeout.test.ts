import { describe, expect, it } from 'vitest';
import { KbBot } from './kbBot';
import { memoryKbSearch } from './testKb';
import { BotTimeoutError, withTimeout, type Scheduler } from './timeout';
import type { BotContext, BotDecision, BotInput, BotProvider } from './types';

/** Timers that fire only when the test moves time. */
class ManualScheduler implements Scheduler {
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  private time = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    this.time += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.time) break;
      this.timers.delete(id);
      timer.callback();
    }
  }
}

const input: BotInput = { conversationId: 'c-1', customerMessage: '退款多久能到账', history: [], locale: 'zh-CN' };
const ctx: BotContext = { search: memoryKbSearch(), now: () => 0 };
const PROVIDER_ERROR = { kind: 'handoff', reason: 'provider_error', text: '正在为您转接人工客服，请稍候…' };

/** A provider whose answer the test releases by hand, remembering the signal it was given. */
function controllable() {
  let release: (d: BotDecision) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const seen: { signal?: AbortSignal } = {};
  const provider: BotProvider = {
    reply: (_input, c) => {
      seen.signal = c.signal;
      return new Promise<BotDecision>((resolve, reject) => {
        release = resolve;
        fail = reject;
      });
    },
  };
  return { provider, seen, release: (d: BotDecision) => release(d), fail: (e: unknown) => fail(e) };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('withTimeout', () => {
  it('hands off with provider_error when the provider has not answered after 3 s, and aborts it', async () => {
    const scheduler = new ManualScheduler();
    const errors: unknown[] = [];
    const slow = controllable();
    let result: BotDecision | undefined;
    void withTimeout(slow.provider, { scheduler, onError: (e) => errors.push(e) })
      .reply(input, ctx)
      .then((d) => (result = d));

    scheduler.advance(2999);
    await settle();
    expect(result).toBeUndefined();
    expect(slow.seen.signal?.aborted).toBe(false);

    scheduler.advance(1);
    await settle();
    expect(result).toEqual(PROVIDER_ERROR);
    expect(slow.seen.signal?.aborted).toBe(true);
    expect(slow.seen.signal?.reason).toBeInstanceOf(BotTimeoutError);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(BotTimeoutError);

    // an answer that arrives after the hand-off changes nothing
    slow.release({ kind: 'answer', text: '迟到的回答', articleIds: [], confidence: 1 });
    await settle();
    expect(result).toEqual(PROVIDER_ERROR);
  });

  it('takes its time limit from options and speaks the customer’s language', async () => {
    const scheduler = new ManualScheduler();
    const reply = withTimeout(controllable().provider, { timeoutMs: 500, scheduler }).reply({ ...input, locale: 'en' }, ctx);
    scheduler.advance(500);
    expect(await reply).toEqual({ kind: 'handoff', reason: 'provider_error', text: 'Connecting you to a customer service agent, please wait…' });
  });

  it('passes a timely decision through and clears its timer', async () => {
    const scheduler = new ManualScheduler();
    const direct = await new KbBot().reply(input, ctx);
    const guarded = await withTimeout(new KbBot(), { scheduler }).reply(input, ctx);
    expect(guarded).toEqual(direct);
    expect(guarded.kind).toBe('answer');
    expect(scheduler.pending).toBe(0);
  });

  it('hands off when the provider throws, synchronously or not', async () => {
    const errors: unknown[] = [];
    const scheduler = new ManualScheduler();
    const throwsNow: BotProvider = {
      reply: () => {
        throw new Error('boom');
      },
    };
    const rejects: BotProvider = { reply: async () => Promise.reject(new Error('llm 503')) };
    expect(await withTimeout(throwsNow, { scheduler, onError: (e) => errors.push(e) }).reply(input, ctx)).toEqual(PROVIDER_ERROR);
    expect(await withTimeout(rejects, { scheduler, onError: (e) => errors.push(e) }).reply(input, ctx)).toEqual(PROVIDER_ERROR);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom', 'llm 503']);
    expect(scheduler.pending).toBe(0);
  });

  it('hands off when the KB search fails inside the KB bot', async () => {
    const failing: BotContext = { search: () => Promise.reject(new Error('database is locked')), now: () => 0 };
    expect(await withTimeout(new KbBot(), { scheduler: new ManualScheduler() }).reply(input, failing)).toEqual(PROVIDER_ERROR);
  });

  it.each([
    ['an unknown kind', { kind: 'maybe', text: '…' }],
    ['an empty answer', { kind: 'answer', text: '  ', articleIds: [], confidence: 0.9 }],
    ['a confidence above 1', { kind: 'answer', text: '好', articleIds: [], confidence: 1.5 }],
    ['an unknown reason', { kind: 'handoff', reason: 'bored', text: '再见' }],
    ['nothing', undefined],
  ])('hands off when the provider returns %s', async (_what, decision) => {
    const provider = { reply: async () => decision } as unknown as BotProvider;
    expect(await withTimeout(provider, { scheduler: new ManualScheduler() }).reply(input, ctx)).toEqual(PROVIDER_ERROR);
  });

  it("hands off and aborts the provider when the caller's signal aborts", async () => {
    const scheduler = new ManualScheduler();
    const slow = controllable();
    const caller = new AbortController();
    const reply = withTimeout(slow.provider, { scheduler }).reply(input, { ...ctx, signal: caller.signal });
    caller.abort(new Error('conversation closed'));
    expect(await reply).toEqual(PROVIDER_ERROR);
    expect(slow.seen.signal?.aborted).toBe(true);
    expect(scheduler.pending).toBe(0);

    const already = new AbortController();
    already.abort();
    const never = controllable();
    expect(await withTimeout(never.provider, { scheduler }).reply(input, { ...ctx, signal: already.signal })).toEqual(PROVIDER_ERROR);
    expect(never.seen.signal).toBeUndefined();
  });

  it('uses real timers by default', async () => {
    const started = Date.now();
    expect(await withTimeout(controllable().provider, { timeoutMs: 20 }).reply(input, ctx)).toEqual(PROVIDER_ERROR);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
