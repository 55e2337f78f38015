import { describe, expect, it } from 'vitest';
import { formatCountdown, slaClock } from './sla';

const base = {
  status: 'queued' as const,
  shopId: null,
  escalatedFromQueueId: null,
  queuedAt: 1_000_000,
  createdAt: 990_000,
  firstResponseAt: null,
  lastCustomerAt: null,
  lastAgentAt: null,
};

describe('SLA clocks', () => {
  it('counts the platform 30-second pickup from queuing, turning orange in the last third and red past it', () => {
    expect(slaClock(base, 1_005_000)).toEqual({ kind: 'pickup', remainingMs: 25_000, level: 'ok' });
    expect(slaClock(base, 1_025_000)?.level).toBe('soon');
    expect(slaClock(base, 1_031_000)).toEqual({ kind: 'pickup', remainingMs: -1_000, level: 'late' });
  });

  it('gives a shop 2 minutes to pick up and 5 minutes to answer each customer message', () => {
    const shop = { ...base, shopId: 's1' };
    expect(slaClock(shop, 1_060_000)).toMatchObject({ kind: 'pickup', remainingMs: 60_000 });
    const answering = { ...shop, status: 'assigned' as const, firstResponseAt: 1_010_000, lastAgentAt: 1_010_000, lastCustomerAt: 1_100_000 };
    expect(slaClock(answering, 1_160_000)).toMatchObject({ kind: 'reply', remainingMs: 240_000, level: 'ok' });
    expect(slaClock({ ...answering, lastAgentAt: 1_120_000 }, 1_160_000)).toBeNull();
  });

  it('runs no clock on a platform chat in progress, nor on a shop chat escalated to the platform', () => {
    expect(slaClock({ ...base, status: 'assigned', lastCustomerAt: 1_100_000 }, 1_200_000)).toBeNull();
    expect(slaClock({ ...base, status: 'assigned', shopId: 's1', escalatedFromQueueId: 'q-shop' }, 1_200_000)).toBeNull();
  });

  it('shows m:ss, with a minus once late', () => {
    expect(formatCountdown(65_400)).toBe('1:05');
    expect(formatCountdown(-3_000)).toBe('-0:03');
  });
});
