import { describe, expect, it } from 'vitest';
import { compareDues, dueKey, duesOf, keyConversation } from './dues';
import { DEFAULT_SLA_POLICY } from './policy';

const T0 = 1_000_000;

describe('SLA dues', () => {
  it('lists the pickup dues of an unpicked merchant conversation, with keys anchored on the queue entry', () => {
    expect(duesOf({ id: 'c', queueId: 'q', queuedAt: T0 }, 'merchant')).toEqual([
      { type: 'breach', conversationId: 'c', kind: 'pickup_30s', dueAt: T0 + 30_000, key: `pickup_30s@${T0}#c` },
      { type: 'breach', conversationId: 'c', kind: 'no_pickup_2m', dueAt: T0 + 120_000, key: `no_pickup_2m@${T0}#c` },
    ]);
  });

  it('lists only the 30-second due for other queues', () => {
    expect(duesOf({ id: 'c', queueId: 'q', queuedAt: T0, awaitingReplySince: T0 }, 'escalation', DEFAULT_SLA_POLICY, { afterNoPickupMs: 1 }).map((d) => d.key)).toEqual([
      `pickup_30s@${T0}#c`,
    ]);
  });

  it('anchors the reply key on the start of the unanswered stretch', () => {
    const dues = duesOf({ id: 'c', queueId: 'q', queuedAt: T0, assignedAt: T0 + 5, awaitingReplySince: T0 + 100 }, 'merchant', DEFAULT_SLA_POLICY, { afterNoReplyMs: 600_000 });
    expect(dues).toEqual([
      { type: 'breach', conversationId: 'c', kind: 'no_reply_5m', dueAt: T0 + 100 + 300_000, key: `no_reply_5m@${T0 + 100}#c` },
      { type: 'auto_escalate', conversationId: 'c', reason: 'no_reply_5m', dueAt: T0 + 100 + 600_000, key: `auto:no_reply_5m@${T0 + 100}#c` },
    ]);
  });

  it('has none for a closed conversation', () => {
    expect(duesOf({ id: 'c', queueId: 'q', queuedAt: T0, closedAt: T0 }, 'merchant')).toEqual([]);
  });

  it('keys round-trip any conversation id', () => {
    for (const id of ['c1', 'a#b', '会话@1', '']) expect(keyConversation(dueKey('no_reply_5m', 5, id))).toBe(id);
    expect(keyConversation('garbage')).toBeUndefined();
  });

  it('orders by time, then rule, then conversation', () => {
    const a = { type: 'breach', conversationId: 'a', kind: 'no_reply_5m', dueAt: 5, key: 'x' } as const;
    const b = { type: 'breach', conversationId: 'b', kind: 'pickup_30s', dueAt: 5, key: 'y' } as const;
    const c = { type: 'auto_escalate', conversationId: 'a', reason: 'no_reply_5m', dueAt: 5, key: 'z' } as const;
    expect([c, a, b].sort(compareDues)).toEqual([b, a, c]);
    expect(compareDues({ ...a, dueAt: 4 }, b)).toBeLessThan(0);
  });
});
