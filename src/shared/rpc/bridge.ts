/**
 * The one object the Electron preload exposes to windows (as `window.seatdesk`) through
 * contextBridge: text frames of the RPC protocol both ways, and pinning a pop-out chat on top.
 */
export interface SeatdeskBridge {
  readonly shell: 'electron';
  send(text: string): void;
  /** Registers the receiver of core → window frames; returns a function that removes it. */
  onFrame(receiver: (text: string) => void): () => void;
  /**
   * Pins (true) or unpins (false) this window above other windows, or with no argument only asks.
   * Resolves to whether it is pinned now, or null where the shell refuses (not a pop-out chat).
   */
  pin(pinned?: boolean): Promise<boolean | null>;
}

/** What a pop-out chat window gets of the bridge where its shell can pin windows. */
export type WindowPin = Pick<SeatdeskBridge, 'pin'>;

export const BRIDGE_KEY = 'seatdesk';
/** The IPC channel names the bridge uses. */
export const IPC_FRAME_TO_CORE = 'seatdesk:rpc';
export const IPC_FRAME_TO_WINDOW = 'seatdesk:rpc-event';
/** invoke channel of `pin`: payload `{ pinned?: boolean }`, answer boolean or null. */
export const IPC_WINDOW_PIN = 'seatdesk:window-pin';
