import { describe, expect, it } from 'vitest';
import { EventHub } from '../rpc/eventHub';
import { LiveQueueStats } from './liveQueueStats';

function setUp() {
  const hub = new EventHub();
  const changed: unknown[] = [];
  hub.subscribe('queues.changed', (payload) => changed.push(payload));
  return { stats: new LiveQueueStats(hub), changed };
}

const frame = (payload: unknown, name = 'queues.stats') => ({ t: 'event', name, payload });

describe('live queue stats', () => {
  it('keeps the latest figures per queue and tells windows which queues changed', () => {
    const { stats, changed } = setUp();
    stats.frame(frame([{ queueId: 'q1', waiting: 0, oldestQueuedAt: null }, { queueId: 'q2', waiting: 2, oldestQueuedAt: 100 }]));
    stats.frame(frame([{ queueId: 'q1', waiting: 1, oldestQueuedAt: 500 }]));
    expect(stats.get('q1')).toEqual({ queueId: 'q1', waiting: 1, oldestQueuedAt: 500 });
    expect(stats.get('q2')).toEqual({ queueId: 'q2', waiting: 2, oldestQueuedAt: 100 });
    expect(changed).toEqual([{ ids: ['q1', 'q2'] }, { ids: ['q1'] }]);
  });

  it('ignores other events and malformed figures instead of failing', () => {
    const { stats, changed } = setUp();
    stats.frame(frame([{ queueId: 'q1', waiting: 1, oldestQueuedAt: 1 }], 'offers.changed'));
    stats.frame(frame([{ queueId: 'q1', waiting: -1, oldestQueuedAt: null }]));
    stats.frame(frame({ queueId: 'q1' }));
    stats.frame('not a frame');
    expect(stats.get('q1')).toBeUndefined();
    expect(changed).toEqual([]);
  });
});
