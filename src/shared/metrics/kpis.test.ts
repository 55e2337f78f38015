import { describe, expect, it } from 'vitest';
import { dayStart, pickupOutcome, pickupRate, qcPassRate, replyIntervals } from './kpis';

const S = 1_000;

describe('pickupRate', () => {
  it('counts met and missed entries and leaves out those still waiting inside the target', () => {
    const now = 100 * S;
    const entries = [
      { queuedAt: 0, assignedAt: 30 * S }, // met, on the dot
      { queuedAt: 0, assignedAt: 31 * S }, // missed
      { queuedAt: 50 * S, assignedAt: null }, // waited 50 s: missed
      { queuedAt: 80 * S, assignedAt: null }, // waited 20 s: pending
    ];
    expect(pickupRate(entries, now)).toEqual({ met: 1, decided: 3, rate: 1 / 3 });
    expect(pickupRate([], now)).toEqual({ met: 0, decided: 0, rate: null });
    expect(pickupOutcome(0, 100 * S, 100 * S, 120 * S)).toBe('met');
  });
});

describe('replyIntervals', () => {
  it('measures each agent reply from the first unanswered customer message, and skips agent follow-ups', () => {
    const m = (senderKind: string, at: number, senderId: string | null = senderKind === 'agent' ? 'a1' : null) => ({ senderKind, senderId, createdAt: at * S });
    expect(replyIntervals([m('agent', 0), m('customer', 10), m('customer', 15), m('agent', 40), m('agent', 45), m('customer', 50), m('agent', 55)])).toEqual([
      { agentId: 'a1', at: 40 * S, ms: 30 * S },
      { agentId: 'a1', at: 55 * S, ms: 5 * S },
    ]);
  });
});

describe('dayStart and qcPassRate', () => {
  it('starts the reporting day at midnight China time', () => {
    // 2025-01-06 09:00 UTC is 17:00 in Beijing; the day began 2025-01-05 16:00 UTC
    expect(dayStart(Date.UTC(2025, 0, 6, 9))).toBe(Date.UTC(2025, 0, 5, 16));
    expect(dayStart(Date.UTC(2025, 0, 5, 16))).toBe(Date.UTC(2025, 0, 5, 16));
  });

  it('passes the conversations without a confirmed violation, and has no rate for none handled', () => {
    expect(qcPassRate(4, 1)).toBe(0.75);
    expect(qcPassRate(0, 0)).toBeNull();
  });
});
