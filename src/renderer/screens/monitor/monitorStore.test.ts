import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentFigures, MonitorAlert, MonitorSnapshot, QueueFigures } from '../../../shared/api/monitor';
import { createRpcClient } from '../../../shared/rpc/client';
import { createFakeCore, settle } from '../../testing/fakeCore';
import { createMonitorStore } from './monitorStore';

const none = { met: 0, decided: 0, rate: null };
const queue = (id: string, name: string, over: Partial<QueueFigures> = {}): QueueFigures => ({
  queueId: id, name, kind: 'platform', shopId: null, waiting: 0, oldestQueuedAt: null, active: 0,
  pickup30: { last15m: none, today: none }, merchant: null, escalatedToday: 0, ...over,
});
const agent = (id: string, name: string): AgentFigures => ({
  agentId: id, name, presence: 'online', presenceSince: 0, active: 0, capacity: 3,
  avgReplyIntervalMs: null, avgFirstResponseMs: null, resolvedToday: 0, openQcFlags: 0,
});
const alert = (state: 'raised' | 'cleared', at: number): MonitorAlert => ({ kind: 'waiting_over', state, queueId: 'q1', agentId: null, value: 2, threshold: 1, at });

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

async function started(snapshot: MonitorSnapshot) {
  const core = createFakeCore({ 'monitor.snapshot': () => snapshot });
  const store = createMonitorStore(createRpcClient(core.transport));
  stop = store.getState().start();
  await vi.waitFor(() => expect(store.getState().status).toBe('ready'));
  await vi.waitFor(() => expect(core.isSubscribed('monitor.changed')).toBe(true));
  return { core, store };
}

describe('monitor store', () => {
  it('applies the relayed deltas row by row over the snapshot, in name order', async () => {
    const { core, store } = await started({ at: 100, queues: [queue('q1', 'B 队列'), queue('q2', 'C 队列')], agents: [agent('a1', '甲')], alerts: [] });
    core.emit('monitor.changed', { at: 200, queues: [queue('q1', 'B 队列', { waiting: 2 }), queue('q0', 'A 队列')], agents: [], removedQueueIds: ['q2'], removedAgentIds: ['a1'] });
    await vi.waitFor(() => expect(store.getState().at).toBe(200));
    expect(store.getState().queues.map((q) => [q.queueId, q.waiting])).toEqual([['q0', 0], ['q1', 2]]);
    expect(store.getState().agents).toEqual([]);
  });

  it('shows the snapshot in the pinyin order deltas keep, not the server’s code-point order', async () => {
    // the server orders by code point (张 U+5F20 before 李 U+674E); the tables show pinyin order (lǐ before zhāng)
    const { core, store } = await started({ at: 100, queues: [], agents: [agent('a2', '张三'), agent('a1', '李四')], alerts: [] });
    expect(store.getState().agents.map((a) => a.name)).toEqual(['李四', '张三']);
    // a delta that changes a row in place and one that adds a row agree on the order
    core.emit('monitor.changed', { at: 200, queues: [], agents: [{ ...agent('a2', '张三'), active: 1 }], removedQueueIds: [], removedAgentIds: [] });
    await vi.waitFor(() => expect(store.getState().at).toBe(200));
    expect(store.getState().agents.map((a) => a.name)).toEqual(['李四', '张三']);
    core.emit('monitor.changed', { at: 300, queues: [], agents: [agent('a3', '王五')], removedQueueIds: [], removedAgentIds: [] });
    await vi.waitFor(() => expect(store.getState().at).toBe(300));
    expect(store.getState().agents.map((a) => a.name)).toEqual(['李四', '王五', '张三']);
  });

  it('drops a delta computed before the snapshot it crossed', async () => {
    const { core, store } = await started({ at: 500, queues: [queue('q1', 'B', { waiting: 3 })], agents: [], alerts: [] });
    core.emit('monitor.changed', { at: 400, queues: [queue('q1', 'B', { waiting: 1 })], agents: [], removedQueueIds: [], removedAgentIds: [] });
    await settle();
    expect(store.getState().queues[0]?.waiting).toBe(3);
  });

  it('keeps one standing alert per queue and kind, and forgets it when cleared', async () => {
    const { core, store } = await started({ at: 1, queues: [], agents: [], alerts: [] });
    core.emit('monitor.alert', alert('raised', 10));
    await vi.waitFor(() => expect(store.getState().alerts).toHaveLength(1));
    expect(store.getState().lastRaised?.at).toBe(10);
    core.emit('monitor.alert', alert('cleared', 20));
    await vi.waitFor(() => expect(store.getState().alerts).toEqual([]));
  });
});
