import type { SeatdeskBridge, WindowPin } from '../../shared/rpc/bridge';
import type { WindowRoute } from '../../shared/windows';

/**
 * Whether this window can be pinned on top: only a pop-out chat, and only in Electron, whose
 * shell pins it. A browser tab cannot be pinned, so in browser mode there is no pin at all.
 */
export function windowPinFor(bridge: SeatdeskBridge | null, route: WindowRoute): WindowPin | null {
  if (!bridge || route.kind !== 'chat') return null;
  return { pin: (pinned) => bridge.pin(pinned) };
}
