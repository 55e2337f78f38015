import type { SeatdeskBridge } from '../../shared/rpc/bridge';
import type { LinkedTransport } from './linkedTransport';

/**
 * Adapts the preload's bridge to a client transport. IPC to the main process lives as long as the
 * window does, so the link is up from the start and never drops.
 */
export function createElectronTransport(bridge: SeatdeskBridge): LinkedTransport {
  let removeReceiver: (() => void) | null = null;
  return {
    send: (text) => bridge.send(text),
    onFrame: (receiver) => {
      removeReceiver?.();
      removeReceiver = bridge.onFrame(receiver);
    },
    onLink: (listener) => listener(true),
    isUp: () => true,
    close: () => {
      removeReceiver?.();
      removeReceiver = null;
    },
  };
}

/** The bridge, if the Electron preload exposed one on this window. */
export function findBridge(host: object, key: string): SeatdeskBridge | null {
  const candidate: unknown = Reflect.get(host, key);
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Partial<SeatdeskBridge>;
  return bridge.shell === 'electron' && typeof bridge.send === 'function' && typeof bridge.onFrame === 'function'
    ? (bridge as SeatdeskBridge)
    : null;
}
