import { createContext, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useShell } from '../../app/shell';
import { createWorkstationStore, type WorkstationActions, type WorkstationState, type WorkstationStore } from '../../state/workstationStore';

export const WorkstationContext = createContext<WorkstationStore | null>(null);

/** One workstation store per window (the main one and each pop-out), started while mounted. */
export function useOwnWorkstationStore(): WorkstationStore {
  const { rpc } = useShell();
  const [store] = useState(() => createWorkstationStore(rpc));
  useEffect(() => store.getState().start(), [store]);
  return store;
}

export function useWorkstationStore(): WorkstationStore {
  const store = useContext(WorkstationContext);
  if (!store) throw new Error('WorkstationContext is missing');
  return store;
}

export function useWorkstation<T>(selector: (state: WorkstationState & WorkstationActions) => T): T {
  return useStore(useWorkstationStore(), selector);
}
