import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AgentFigures, MonitorAlert, MonitorDelta, MonitorSnapshot, QueueFigures } from '../../../shared/api/monitor';
import type { Rpc } from '../../../shared/rpc/client';
import { inNameOrder, mergeRows } from './namedRows';

export interface MonitorState {
  /** loading until the first snapshot; error when the last snapshot failed and none is shown */
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** server time of the figures shown: the snapshot's, then each applied delta's */
  at: number;
  queues: QueueFigures[];
  agents: AgentFigures[];
  /** alerts standing now, newest first */
  alerts: MonitorAlert[];
  /** the last alert raised, for the window's notification (null until one is) */
  lastRaised: MonitorAlert | null;
}

export interface MonitorActions {
  /** Loads the snapshot and follows the core's events; returns the function that stops it. */
  start(): () => void;
  reload(): Promise<void>;
  applySnapshot(snapshot: MonitorSnapshot): void;
  applyDelta(delta: MonitorDelta): void;
  applyAlert(alert: MonitorAlert): void;
}

export type MonitorStore = StoreApi<MonitorState & MonitorActions>;

export const alertKey = (a: Pick<MonitorAlert, 'kind' | 'queueId' | 'agentId'>): string => `${a.kind}|${a.queueId ?? ''}|${a.agentId ?? ''}`;

/**
 * The monitor window's figures: one snapshot, then the server's deltas as the core relays them.
 * A delta computed before the snapshot (it crossed the snapshot on the way) is older than what is
 * shown and is dropped; every later one applies, so the window is as fresh as the server's looks.
 */
export function createMonitorStore(rpc: Rpc): MonitorStore {
  return createStore<MonitorState & MonitorActions>()((set, get) => ({
    status: 'loading',
    error: null,
    at: 0,
    queues: [],
    agents: [],
    alerts: [],
    lastRaised: null,

    start() {
      void get().reload();
      const stops = [
        rpc.on('monitor.changed', (delta) => get().applyDelta(delta)),
        rpc.on('monitor.alert', (alert) => get().applyAlert(alert)),
        // A relink to the core, or the core back online with the server: what was missed comes with a fresh snapshot.
        rpc.onLink((up) => {
          if (up) void get().reload();
        }),
        rpc.on('sync.changed', (status) => {
          if (status.state === 'online') void get().reload();
        }),
      ];
      return () => stops.forEach((stop) => stop());
    },

    async reload() {
      try {
        get().applySnapshot(await rpc.monitor.snapshot());
      } catch (error) {
        // Figures already shown stay (marked stale by the connection tag); with none, the error shows.
        set((s) => (s.status === 'ready' ? { error } : { status: 'error', error }));
      }
    },

    applySnapshot(snapshot) {
      if (snapshot.at < get().at) return;
      set({
        status: 'ready',
        error: null,
        at: snapshot.at,
        queues: inNameOrder(snapshot.queues, (q) => q.queueId),
        agents: inNameOrder(snapshot.agents, (a) => a.agentId),
        alerts: [...snapshot.alerts].reverse(),
      });
    },

    applyDelta(delta) {
      const s = get();
      if (s.status !== 'ready' || delta.at < s.at) return;
      set({
        at: delta.at,
        queues: mergeRows(s.queues, delta.queues, delta.removedQueueIds, (q) => q.queueId),
        agents: mergeRows(s.agents, delta.agents, delta.removedAgentIds, (a) => a.agentId),
      });
    },

    applyAlert(alert) {
      const others = get().alerts.filter((a) => alertKey(a) !== alertKey(alert));
      set(alert.state === 'raised' ? { alerts: [alert, ...others], lastRaised: alert } : { alerts: others });
    },
  }));
}
