import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Rpc } from '../../shared/rpc/client';
import type { WindowPin } from '../../shared/rpc/bridge';
import type { WindowRoute } from '../../shared/windows';
import type { AppActions, AppState, AppStore } from '../state/appStore';

/**
 * What the entry point hands to the UI: the app store (built on the platform's RPC client) and
 * the way to open other windows. Components never import the platform, so tests can render
 * them on a fake core.
 */
export interface Shell {
  store: AppStore;
  /** the typed client of the core, for the screens' own stores and calls */
  rpc: Rpc;
  openWindow(route: WindowRoute): void;
  /** pins this window on top where the platform can (an Electron pop-out chat); absent elsewhere */
  windowPin?: WindowPin | null;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('ShellContext is missing: render inside <ShellContext value={...}>');
  return shell;
}

export function useAppState<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useShell().store, selector);
}
