import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from './policy';
import {
  pickedUpAt,
  recordAgentReply,
  recordAssignment,
  recordCustomerMessage,
  recordQueued,
  replyClockStart,
  slaStatus,
  type SlaConversation,
} from './status';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1_000;
const MIN = 60_000;
const merchant = { kind: 'merchant' } as const;
const platform = { kind: 'platform' } as const;
const conv = (extra: Partial<SlaConversation> = {}): SlaConversation => ({ id: 'c1', queueId: 'q', queuedAt: T0, ...extra });

describe('the 30-second pickup figure (half-open: picked up strictly before 30 s)', () => {
  it('is met at 29.999 s, missed at exactly 30 s and at 30.001 s', () => {
    expect(slaStatus(conv({ assignedAt: T0 + 29_999 }), platform, T0 + MIN).pickup30s).toEqual({ dueAt: T0 + 30 * S, met: true });
    expect(slaStatus(conv({ assignedAt: T0 + 30_000 }), platform, T0 + MIN).pickup30s.met).toBe(false);
    expect(slaStatus(conv({ assignedAt: T0 + 30_001 }), platform, T0 + MIN).pickup30s.met).toBe(false);
  });

  it('is unknown while still possible, and missed from exactly 30 s without a pickup', () => {
    expect(slaStatus(conv(), platform, T0 + 29_999).pickup30s.met).toBeNull();
    expect(slaStatus(conv(), platform, T0 + 30_000).pickup30s.met).toBe(false);
  });

  it('counts the first agent action when it comes before the assignment', () => {
    expect(slaStatus(conv({ firstAgentActionAt: T0 + 10 * S, assignedAt: T0 + 40 * S }), platform, T0 + MIN).pickup30s.met).toBe(true);
    expect(slaStatus(conv({ firstAgentActionAt: T0 + 31 * S }), platform, T0 + MIN).pickup30s.met).toBe(false);
    expect(pickedUpAt(conv({ firstAgentActionAt: T0 + 5, assignedAt: T0 + 3 }))).toBe(T0 + 3);
    expect(pickedUpAt(conv())).toBeUndefined();
  });

  it('is recorded for every kind of queue', () => {
    for (const kind of ['platform', 'merchant', 'escalation', 'feedback'] as const) {
      expect(slaStatus(conv({ assignedAt: T0 + 1 }), { kind }, T0 + 1).pickup30s.met).toBe(true);
    }
  });

  it('stays unknown for a customer who left before it was due, and missed for one who left after', () => {
    expect(slaStatus(conv({ closedAt: T0 + 20 * S }), platform, T0 + 10 * MIN).pickup30s.met).toBeNull();
    expect(slaStatus(conv({ closedAt: T0 + 40 * S }), platform, T0 + 10 * MIN).pickup30s.met).toBe(false);
  });

  it('follows a configured target', () => {
    const policy = { ...DEFAULT_SLA_POLICY, pickupTargetMs: 10 * S };
    expect(slaStatus(conv({ assignedAt: T0 + 15 * S }), platform, T0 + MIN, policy).pickup30s).toEqual({ dueAt: T0 + 10 * S, met: false });
  });
});

describe('merchant pickup within 2 minutes', () => {
  it('is escalatable from exactly 2:00 without a pickup, not at 1:59.999', () => {
    const before = slaStatus(conv(), merchant, T0 + 2 * MIN - 1);
    expect(before.merchantPickup).toEqual({ dueAt: T0 + 2 * MIN, breached: false });
    expect(before.escalatable).toBe(false);
    const at = slaStatus(conv(), merchant, T0 + 2 * MIN);
    expect(at.merchantPickup).toEqual({ dueAt: T0 + 2 * MIN, breached: true });
    expect(at).toMatchObject({ escalatable: true, reasons: ['no_pickup_2m'] });
  });

  it('is met by a pickup at 1:59.999 and breached (for the record) by one at 2:00', () => {
    expect(slaStatus(conv({ assignedAt: T0 + 2 * MIN - 1 }), merchant, T0 + 3 * MIN).merchantPickup?.breached).toBe(false);
    const late = slaStatus(conv({ assignedAt: T0 + 2 * MIN }), merchant, T0 + 3 * MIN);
    expect(late.merchantPickup?.breached).toBe(true);
    // the chat has an agent now: no longer escalatable for want of one
    expect(late.reasons).toEqual([]);
  });

  it('never applies to platform, escalation or feedback queues', () => {
    for (const kind of ['platform', 'escalation', 'feedback'] as const) {
      const status = slaStatus(conv({ awaitingReplySince: T0, assignedAt: T0 + 5 * MIN }), { kind }, T0 + 60 * MIN);
      expect(status).toMatchObject({ merchantPickup: null, merchantReply: null, escalatable: false, reasons: [] });
    }
  });
});

describe('merchant reply within 5 minutes', () => {
  const picked = conv({ assignedAt: T0 + 10 * S });

  it('runs no clock while no customer message awaits an answer', () => {
    expect(slaStatus(picked, merchant, T0 + 60 * MIN).merchantReply).toEqual({ dueAt: null, breached: false });
  });

  it('is breached exactly 5 minutes after the oldest unanswered customer message', () => {
    const waiting = recordCustomerMessage(picked, T0 + MIN);
    expect(slaStatus(waiting, merchant, T0 + 6 * MIN - 1)).toMatchObject({ merchantReply: { dueAt: T0 + 6 * MIN, breached: false }, escalatable: false });
    expect(slaStatus(waiting, merchant, T0 + 6 * MIN)).toMatchObject({ merchantReply: { dueAt: T0 + 6 * MIN, breached: true }, escalatable: true, reasons: ['no_reply_5m'] });
  });

  it('is not pushed out by the customer writing again', () => {
    const twice = recordCustomerMessage(recordCustomerMessage(picked, T0 + MIN), T0 + 4 * MIN);
    expect(slaStatus(twice, merchant, T0 + 6 * MIN).merchantReply).toEqual({ dueAt: T0 + 6 * MIN, breached: true });
  });

  it('resets when the agent replies and restarts on the next customer message', () => {
    let c = recordCustomerMessage(picked, T0 + MIN);
    c = recordAgentReply(c, T0 + 5 * MIN);
    expect(slaStatus(c, merchant, T0 + 20 * MIN)).toMatchObject({ merchantReply: { dueAt: null, breached: false }, escalatable: false });
    c = recordCustomerMessage(c, T0 + 21 * MIN);
    expect(slaStatus(c, merchant, T0 + 26 * MIN - 1).merchantReply).toEqual({ dueAt: T0 + 26 * MIN, breached: false });
    expect(slaStatus(c, merchant, T0 + 26 * MIN).escalatable).toBe(true);
    c = recordAgentReply(c, T0 + 27 * MIN);
    expect(slaStatus(c, merchant, T0 + 27 * MIN).escalatable).toBe(false);
  });

  it('starts at the pickup for messages written before it, and not at all before a pickup', () => {
    const early = conv({ awaitingReplySince: T0 });
    expect(replyClockStart(early)).toBeUndefined();
    // unpicked for 10 minutes: only the pickup rule speaks
    expect(slaStatus(early, merchant, T0 + 10 * MIN).reasons).toEqual(['no_pickup_2m']);
    const picked = recordAssignment(early, T0 + 90 * S);
    expect(replyClockStart(picked)).toBe(T0 + 90 * S);
    expect(slaStatus(picked, merchant, T0 + 90 * S + 5 * MIN).reasons).toEqual(['no_reply_5m']);
  });

  it('a first reply is both the pickup and the answer', () => {
    const c = recordAgentReply(recordCustomerMessage(conv(), T0), T0 + 20 * S);
    expect(slaStatus(c, merchant, T0 + 30 * MIN)).toMatchObject({ pickup30s: { met: true }, merchantReply: { dueAt: null }, escalatable: false });
  });

  it('after a requeue only the pickup rule speaks until the next pickup (the two reasons never overlap)', () => {
    // picked up, then the customer waits; a requeue (released chat) leaves it unpicked again
    const c = recordQueued(recordCustomerMessage(recordAssignment(conv(), T0 + S), T0 + 2 * S), 'q', T0 + 3 * S);
    expect(slaStatus(c, merchant, T0 + 10 * MIN).reasons).toEqual(['no_pickup_2m']);
  });
});

describe('closed conversations', () => {
  it('are never escalatable, and their clocks stop at the close', () => {
    const c = conv({ closedAt: T0 + 10 * S, awaitingReplySince: T0 });
    expect(slaStatus(c, merchant, T0 + 60 * MIN)).toMatchObject({ escalatable: false, reasons: [], merchantPickup: { breached: false } });
    const lateClose = conv({ closedAt: T0 + 3 * MIN });
    expect(slaStatus(lateClose, merchant, T0 + 60 * MIN)).toMatchObject({ escalatable: false, merchantPickup: { breached: true } });
  });
});

describe('timestamp helpers', () => {
  it('keep the first assignment and the oldest unanswered message', () => {
    const c = recordAssignment(recordAssignment(conv(), T0 + 5), T0 + 9);
    expect(c.assignedAt).toBe(T0 + 5);
    expect(recordCustomerMessage(recordCustomerMessage(c, T0 + 10), T0 + 20).awaitingReplySince).toBe(T0 + 10);
  });

  it('a reply keeps the earlier first agent action', () => {
    const c = recordAgentReply(recordAgentReply(conv(), T0 + 5), T0 + 50);
    expect(c.firstAgentActionAt).toBe(T0 + 5);
  });

  it('a new queue stay restarts the pickup clocks and keeps the unanswered message', () => {
    const c = recordQueued(conv({ assignedAt: T0 + 1, firstAgentActionAt: T0 + 2, awaitingReplySince: T0 + 3 }), 'esc', T0 + 100);
    expect(c).toEqual({ id: 'c1', queueId: 'esc', queuedAt: T0 + 100, awaitingReplySince: T0 + 3 });
  });

  it('never mutate their input', () => {
    const original = conv({ awaitingReplySince: T0 });
    const frozen = Object.freeze({ ...original });
    expect(() => {
      recordAgentReply(frozen, T0 + 1);
      recordQueued(frozen, 'x', T0 + 1);
      recordAssignment(frozen, T0 + 1);
      recordCustomerMessage(frozen, T0 + 1);
    }).not.toThrow();
    expect(frozen).toEqual(original);
  });
});
