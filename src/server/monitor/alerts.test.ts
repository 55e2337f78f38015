import { describe, expect, it } from 'vitest';
import type { AgentFigures, QueueFigures } from '../../shared/api/monitor';
import { evaluateAlerts } from './alerts';

const none = { met: 0, decided: 0, rate: null };
function queue(over: Partial<QueueFigures> = {}): QueueFigures {
  return { queueId: 'q1', name: 'Q', kind: 'platform', shopId: null, waiting: 0, oldestQueuedAt: null, active: 0, pickup30: { last15m: none, today: none }, merchant: null, escalatedToday: 0, ...over };
}
const agent = (over: Partial<AgentFigures> = {}): AgentFigures => ({
  agentId: 'a1', name: 'A', presence: 'online', presenceSince: 0, active: 0, capacity: 2,
  avgReplyIntervalMs: null, avgFirstResponseMs: null, resolvedToday: 0, openQcFlags: 0, ...over,
});

describe('evaluateAlerts', () => {
  const base = { agents: [], serves: () => true, now: 100_000, previous: new Map() };

  it('raises a pickup-rate alert below the percentage, and none while the rate is unknown', () => {
    const rules = { pickupRateUnderPct: 80 };
    const low = evaluateAlerts({ ...base, rules, queues: [queue({ pickup30: { last15m: { met: 3, decided: 4, rate: 0.75 }, today: none } })] });
    expect(low.changes).toEqual([{ kind: 'pickup_rate_under', state: 'raised', queueId: 'q1', agentId: null, value: 75, threshold: 80, at: 100_000 }]);
    expect(evaluateAlerts({ ...base, rules, queues: [queue()] }).changes).toEqual([]);
    // back over: cleared once, then nothing
    const back = evaluateAlerts({ ...base, rules, queues: [queue({ pickup30: { last15m: { met: 4, decided: 4, rate: 1 }, today: none } })], previous: low.raised });
    expect(back.changes.map((a) => [a.kind, a.state])).toEqual([['pickup_rate_under', 'cleared']]);
    expect(back.raised.size).toBe(0);
  });

  it('keeps a standing alert without repeating it, with its original time', () => {
    const rules = { longestWaitOverSec: 60 };
    const queues = [queue({ waiting: 1, oldestQueuedAt: 0 })];
    const first = evaluateAlerts({ ...base, rules, queues, now: 61_000 });
    expect(first.changes).toEqual([expect.objectContaining({ kind: 'longest_wait_over', value: 61, at: 61_000 })]);
    const later = evaluateAlerts({ ...base, rules, queues, now: 90_000, previous: first.raised });
    expect(later.changes).toEqual([]);
    expect([...later.raised.values()][0]).toMatchObject({ at: 61_000 });
  });

  it('calls an agent idle only when online, with room, and serving a queue that has chats waiting', () => {
    const rules = { agentIdleWhileWaiting: true };
    const queues = [queue({ waiting: 2 })];
    const idle = (a: AgentFigures, serves = true) => evaluateAlerts({ ...base, rules, queues, agents: [a], serves: () => serves }).changes.length;
    expect(idle(agent())).toBe(1);
    expect(idle(agent({ presence: 'away' }))).toBe(0);
    expect(idle(agent({ active: 2 }))).toBe(0);
    expect(idle(agent(), false)).toBe(0);
  });
});
