import { describe, expect, it } from 'vitest';
import { FakeScheduler } from '../routing/testing/fakeScheduler';
import type { QueueKind } from '../routing/types';
import type { SlaDueKind } from './dues';
import type { AutoEscalatePolicy } from './policy';
import { SlaScheduler, type SlaSchedulerDeps } from './slaScheduler';
import { recordAgentReply, recordAssignment, recordCustomerMessage, recordQueued, type EscalationReason, type SlaConversation } from './status';

const S = 1_000;
const MIN = 60_000;
const KINDS: Record<string, QueueKind> = { shop: 'merchant', platform: 'platform', esc: 'escalation' };

type Fired = { at: number; id: string; what: SlaDueKind | `auto:${EscalationReason}`; key: string };

function setup(options: { autoEscalate?: AutoEscalatePolicy; clock?: FakeScheduler; listeners?: Partial<SlaSchedulerDeps> } = {}) {
  const clock = options.clock ?? new FakeScheduler();
  const fired: Fired[] = [];
  const deps: SlaSchedulerDeps = {
    now: clock.now,
    scheduler: clock,
    queueKind: (queueId) => KINDS[queueId],
    ...(options.autoEscalate ? { autoEscalate: options.autoEscalate } : {}),
    onDue: (id, kind, detail) => {
      fired.push({ at: clock.now(), id, what: kind, key: detail.key });
    },
    onAutoEscalate: (id, reason, detail) => {
      fired.push({ at: clock.now(), id, what: `auto:${reason}`, key: detail.key });
    },
    ...options.listeners,
  };
  return { clock, fired, deps, sla: new SlaScheduler(deps), take: () => fired.splice(0).map(({ at, id, what }) => ({ at, id, what })) };
}

const conv = (id: string, queueId: string, queuedAt: number, extra: Partial<SlaConversation> = {}): SlaConversation => ({ id, queueId, queuedAt, ...extra });

describe('SlaScheduler', () => {
  it('fires the missed 30-second pickup at exactly 30 s, once', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    sla.upsert(conv('c1', 'platform', t0));
    clock.advance(29_999);
    expect(take()).toEqual([]);
    clock.advance(1);
    expect(take()).toEqual([{ at: t0 + 30 * S, id: 'c1', what: 'pickup_30s' }]);
    clock.advance(60 * MIN);
    expect(take()).toEqual([]);
  });

  it('fires nothing for a conversation picked up in time', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    sla.upsert(conv('c1', 'shop', t0));
    clock.advance(29_999);
    sla.upsert(recordAssignment(conv('c1', 'shop', t0), clock.now()));
    clock.advance(60 * MIN);
    expect(take()).toEqual([]);
    expect(sla.nextDueAt('c1')).toBeUndefined();
  });

  it('fires the merchant no-pickup breach at exactly 2 minutes', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    sla.upsert(conv('c1', 'shop', t0));
    clock.advance(2 * MIN - 1);
    expect(take().map((f) => f.what)).toEqual(['pickup_30s']);
    expect(sla.status('c1')?.escalatable).toBe(false);
    clock.advance(1);
    expect(take()).toEqual([{ at: t0 + 2 * MIN, id: 'c1', what: 'no_pickup_2m' }]);
    expect(sla.status('c1')).toMatchObject({ escalatable: true, reasons: ['no_pickup_2m'] });
  });

  it('fires the merchant no-reply breach at exactly 5 minutes, and again only for a new unanswered message', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    let c = recordAssignment(conv('c1', 'shop', t0), t0 + 5 * S);
    sla.upsert(c);
    clock.advance(MIN);
    c = recordCustomerMessage(c, clock.now());
    sla.upsert(c);
    clock.advanceTo(t0 + 6 * MIN - 1);
    expect(take()).toEqual([]);
    clock.advance(1);
    expect(take()).toEqual([{ at: t0 + 6 * MIN, id: 'c1', what: 'no_reply_5m' }]);
    // the customer writes again: same unanswered stretch, no second breach
    c = recordCustomerMessage(c, clock.now());
    sla.upsert(c);
    clock.advance(10 * MIN);
    expect(take()).toEqual([]);
    // the agent answers: clock reset; the next customer message starts a new one
    c = recordAgentReply(c, clock.now());
    sla.upsert(c);
    expect(sla.status('c1')?.escalatable).toBe(false);
    clock.advance(MIN);
    const restart = clock.now();
    c = recordCustomerMessage(c, restart);
    sla.upsert(c);
    clock.advance(5 * MIN);
    expect(take()).toEqual([{ at: restart + 5 * MIN, id: 'c1', what: 'no_reply_5m' }]);
  });

  it('an agent reply just in time stops the reply clock', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    let c = recordCustomerMessage(recordAssignment(conv('c1', 'shop', t0), t0), t0);
    sla.upsert(c);
    clock.advance(5 * MIN - 1);
    c = recordAgentReply(c, clock.now());
    sla.upsert(c);
    clock.advance(30 * MIN);
    expect(take()).toEqual([]);
  });

  it('never fires merchant rules for platform or escalation queues', () => {
    const { clock, sla, take } = setup({ autoEscalate: { afterNoPickupMs: 0, afterNoReplyMs: 0 } });
    const t0 = clock.now();
    sla.upsert(conv('p', 'platform', t0));
    sla.upsert(recordCustomerMessage(recordAssignment(conv('e', 'esc', t0), t0), t0));
    clock.advance(60 * MIN);
    expect(take()).toEqual([{ at: t0 + 30 * S, id: 'p', what: 'pickup_30s' }]);
  });

  it('treats an unknown queue as a platform queue', () => {
    const { clock, sla, take } = setup();
    sla.upsert(conv('c1', 'gone', clock.now()));
    clock.advance(10 * MIN);
    expect(take().map((f) => f.what)).toEqual(['pickup_30s']);
  });

  it('starts the clocks over when the conversation enters a new queue (escalated to the platform)', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    const c = conv('c1', 'shop', t0);
    sla.upsert(c);
    clock.advance(2 * MIN);
    take();
    sla.upsert(recordQueued(c, 'esc', clock.now()));
    clock.advance(30 * S);
    expect(take()).toEqual([{ at: t0 + 2 * MIN + 30 * S, id: 'c1', what: 'pickup_30s' }]);
    clock.advance(60 * MIN);
    expect(take()).toEqual([]);
  });

  it('fires at once what is already overdue when tracking starts', () => {
    const { clock, sla, take } = setup();
    const t0 = clock.now();
    sla.upsert(conv('c1', 'shop', t0 - 3 * MIN));
    expect(take()).toEqual([
      { at: t0, id: 'c1', what: 'pickup_30s' },
      { at: t0, id: 'c1', what: 'no_pickup_2m' },
    ]);
  });

  it('stops when removed', () => {
    const { clock, sla, take } = setup();
    sla.upsert(conv('c1', 'shop', clock.now()));
    sla.remove('c1');
    sla.remove('c1');
    clock.advance(10 * MIN);
    expect(take()).toEqual([]);
    expect(sla.status('c1')).toBeUndefined();
    expect(clock.size).toBe(0);
  });

  it('fires nothing for a closed conversation', () => {
    const { clock, sla, take } = setup();
    sla.upsert(conv('c1', 'shop', clock.now() - 10 * MIN, { closedAt: clock.now() - MIN }));
    clock.advance(10 * MIN);
    expect(take()).toEqual([]);
  });

  it('orders simultaneous dues by time, then breach before escalation', () => {
    const { clock, sla, take } = setup({ autoEscalate: { afterNoPickupMs: 0 } });
    const t0 = clock.now();
    sla.upsert(conv('b', 'shop', t0));
    sla.upsert(conv('a', 'shop', t0));
    clock.advance(10 * MIN);
    expect(take()).toEqual([
      { at: t0 + 30 * S, id: 'b', what: 'pickup_30s' },
      { at: t0 + 30 * S, id: 'a', what: 'pickup_30s' },
      { at: t0 + 2 * MIN, id: 'b', what: 'no_pickup_2m' },
      { at: t0 + 2 * MIN, id: 'b', what: 'auto:no_pickup_2m' },
      { at: t0 + 2 * MIN, id: 'a', what: 'no_pickup_2m' },
      { at: t0 + 2 * MIN, id: 'a', what: 'auto:no_pickup_2m' },
    ]);
  });

  it('keeps working when a listener throws, without firing twice', () => {
    let calls = 0;
    const { clock, sla } = setup({
      listeners: {
        onDue: () => {
          calls += 1;
          throw new Error('listener broke');
        },
      },
    });
    sla.upsert(conv('c1', 'shop', clock.now()));
    expect(() => clock.advance(30 * S)).toThrow('listener broke');
    expect(calls).toBe(1);
    expect(() => clock.advance(90 * S)).toThrow('listener broke');
    expect(calls).toBe(2);
    clock.advance(60 * MIN);
    expect(calls).toBe(2);
  });

  it('lets a listener update the conversation it is told about', () => {
    const holder: { sla?: SlaScheduler } = {};
    const { clock, sla, take } = setup({
      autoEscalate: { afterNoPickupMs: 3 * MIN },
      listeners: {
        onAutoEscalate: (id) => {
          // the server moves it to the platform escalation queue
          const current = holder.sla!.conversation(id)!;
          holder.sla!.upsert(recordQueued(current, 'esc', clock.now()));
        },
      },
    });
    holder.sla = sla;
    const t0 = clock.now();
    sla.upsert(conv('c1', 'shop', t0));
    clock.advance(3 * MIN);
    expect(sla.conversation('c1')).toMatchObject({ queueId: 'esc', queuedAt: t0 + 3 * MIN });
    clock.advance(30 * S);
    expect(take()).toEqual([
      { at: t0 + 30 * S, id: 'c1', what: 'pickup_30s' },
      { at: t0 + 2 * MIN, id: 'c1', what: 'no_pickup_2m' },
      { at: t0 + 3 * MIN + 30 * S, id: 'c1', what: 'pickup_30s' },
    ]);
  });
});

describe('SlaScheduler: automatic escalation', () => {
  it('escalates after the configured wait for a pickup', () => {
    const { clock, sla, take } = setup({ autoEscalate: { afterNoPickupMs: 4 * MIN } });
    const t0 = clock.now();
    sla.upsert(conv('c1', 'shop', t0));
    clock.advance(4 * MIN - 1);
    expect(take().map((f) => f.what)).toEqual(['pickup_30s', 'no_pickup_2m']);
    clock.advance(1);
    expect(take()).toEqual([{ at: t0 + 4 * MIN, id: 'c1', what: 'auto:no_pickup_2m' }]);
  });

  it('never escalates before the rule is breached, whatever the policy says', () => {
    const { clock, sla, take } = setup({ autoEscalate: { afterNoPickupMs: 10 * S, afterNoReplyMs: 0 } });
    const t0 = clock.now();
    sla.upsert(conv('c1', 'shop', t0));
    clock.advance(2 * MIN - 1);
    expect(take().map((f) => f.what)).toEqual(['pickup_30s']);
    clock.advance(1);
    expect(take().map((f) => f.what)).toEqual(['no_pickup_2m', 'auto:no_pickup_2m']);
  });

  it('escalates after the configured wait for a reply', () => {
    const { clock, sla, take } = setup({ autoEscalate: { afterNoReplyMs: 8 * MIN } });
    const t0 = clock.now();
    sla.upsert(recordCustomerMessage(recordAssignment(conv('c1', 'shop', t0), t0), t0 + MIN));
    clock.advance(9 * MIN);
    expect(take()).toEqual([
      { at: t0 + 6 * MIN, id: 'c1', what: 'no_reply_5m' },
      { at: t0 + 9 * MIN, id: 'c1', what: 'auto:no_reply_5m' },
    ]);
  });

  it('does not escalate when the agent answers between the breach and the escalation', () => {
    const { clock, sla, take } = setup({ autoEscalate: { afterNoReplyMs: 8 * MIN } });
    const t0 = clock.now();
    const c = recordCustomerMessage(recordAssignment(conv('c1', 'shop', t0), t0), t0);
    sla.upsert(c);
    clock.advance(6 * MIN);
    sla.upsert(recordAgentReply(c, clock.now()));
    clock.advance(60 * MIN);
    expect(take().map((f) => f.what)).toEqual(['no_reply_5m']);
  });
});

describe('SlaScheduler: restart', () => {
  function firstLife() {
    const life = setup();
    const t0 = life.clock.now();
    life.sla.upsert(conv('unpicked', 'shop', t0));
    life.sla.upsert(recordCustomerMessage(recordAssignment(conv('silent', 'shop', t0), t0), t0 + MIN));
    life.sla.upsert(conv('platform', 'platform', t0));
    life.clock.advance(30 * S);
    return { ...life, t0 };
  }

  it('fires once, at restore, what fell due during the downtime', () => {
    const before = firstLife();
    const fired = before.fired.map((f) => f.key);
    expect(before.take().map((f) => `${f.id}:${f.what}`)).toEqual(['unpicked:pickup_30s', 'platform:pickup_30s']);
    const open = ['unpicked', 'silent', 'platform'].map((id) => before.sla.conversation(id)!);
    before.sla.dispose();

    // down for 10 minutes
    const after = setup({ clock: new FakeScheduler(before.clock.now() + 10 * MIN) });
    const sla = SlaScheduler.restore(open, fired, after.deps);
    expect(after.take()).toEqual([
      { at: after.clock.now(), id: 'unpicked', what: 'no_pickup_2m' },
      { at: after.clock.now(), id: 'silent', what: 'no_reply_5m' },
    ]);
    after.clock.advance(60 * MIN);
    expect(after.take()).toEqual([]);
    expect(sla.status('silent')?.escalatable).toBe(true);
  });

  it('fires nothing again on a second restart with the keys saved', () => {
    const before = firstLife();
    const open = ['unpicked', 'silent', 'platform'].map((id) => before.sla.conversation(id)!);
    const life2 = setup({ clock: new FakeScheduler(before.clock.now() + 10 * MIN) });
    const sla2 = SlaScheduler.restore(open, before.sla.firedKeys(), life2.deps);
    expect(life2.take()).toHaveLength(2);
    const life3 = setup({ clock: new FakeScheduler(life2.clock.now() + 10 * MIN) });
    SlaScheduler.restore(open, sla2.firedKeys(), life3.deps);
    expect(life3.take()).toEqual([]);
  });

  it('keeps timers that are not yet due across the restart, at their original moment', () => {
    const before = firstLife();
    const open = ['unpicked', 'silent', 'platform'].map((id) => before.sla.conversation(id)!);
    const after = setup({ clock: new FakeScheduler(before.clock.now() + 30 * S) });
    SlaScheduler.restore(open, before.sla.firedKeys(), after.deps);
    expect(after.take()).toEqual([]);
    after.clock.advanceTo(before.t0 + 2 * MIN);
    expect(after.take()).toEqual([{ at: before.t0 + 2 * MIN, id: 'unpicked', what: 'no_pickup_2m' }]);
    after.clock.advanceTo(before.t0 + 6 * MIN);
    expect(after.take()).toEqual([{ at: before.t0 + 6 * MIN, id: 'silent', what: 'no_reply_5m' }]);
  });

  it('ignores saved keys of conversations that are no longer open, and malformed keys', () => {
    const { deps, take } = setup();
    const sla = SlaScheduler.restore([], ['pickup_30s@1#gone', 'not-a-key'], deps);
    expect(sla.firedKeys()).toEqual([]);
    expect(take()).toEqual([]);
  });

  it('forgets the keys of a removed conversation', () => {
    const before = firstLife();
    expect(before.sla.firedKeys()).toHaveLength(2);
    before.sla.remove('platform');
    expect(before.sla.firedKeys()).toHaveLength(1);
  });
});
