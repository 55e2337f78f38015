import { createRpcClient, type Rpc } from '../../shared/rpc/client';
import { BRIDGE_KEY, type WindowPin } from '../../shared/rpc/bridge';
import { parseWindowRoute, type WindowRoute } from '../../shared/windows';
import { createElectronTransport, findBridge } from './electronTransport';
import type { LinkedTransport } from './linkedTransport';
import { readRpcPath, rpcSocketUrl } from './rpcAddress';
import { createWsTransport } from './wsTransport';
import { windowPinFor } from './windowPin';
import { windowUrl } from './windowUrl';

/**
 * The one place where the renderer picks its platform (see ARCHITECTURE §4.3): inside Electron the
 * preload has put the bridge on `window`; anywhere else the page talks to the browser host over a
 * WebSocket whose secret path the host wrote into `<meta name="seatdesk-rpc">`.
 * Only the entry point imports this module; everything else receives `rpc` and `openWindow`.
 */
export const currentRoute: WindowRoute = parseWindowRoute(window.location.search);

const bridge = findBridge(window, BRIDGE_KEY);

const transport: LinkedTransport = bridge
  ? createElectronTransport(bridge)
  : createWsTransport(rpcSocketUrl(window.location, readRpcPath(document), currentRoute.kind));

export const rpc: Rpc = createRpcClient(transport);

/** Pins this window on top: an Electron pop-out chat only, else null (a browser tab cannot be pinned). */
export const windowPin: WindowPin | null = windowPinFor(bridge, currentRoute);

export function isLinkUp(): boolean {
  return transport.isUp();
}

/**
 * Opens another window of the app. Electron's main process intercepts app:// window.open and
 * opens (or focuses) a managed window; in the browser it is a new tab.
 */
export function openWindow(route: WindowRoute): void {
  window.open(windowUrl(route, window.location.href), '_blank', 'noopener');
}
