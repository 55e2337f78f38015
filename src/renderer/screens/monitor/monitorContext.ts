import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { MonitorActions, MonitorState, MonitorStore } from './monitorStore';

export const MonitorContext = createContext<MonitorStore | null>(null);

export function useMonitorStore(): MonitorStore {
  const store = useContext(MonitorContext);
  if (!store) throw new Error('MonitorContext is missing');
  return store;
}

export function useMonitor<T>(selector: (state: MonitorState & MonitorActions) => T): T {
  return useStore(useMonitorStore(), selector);
}

/** What the window points at: a queue or agent row (from an alert), or the live chats of one. */
export type MonitorTarget = { queueId: string; agentId?: undefined } | { agentId: string; queueId?: undefined };
