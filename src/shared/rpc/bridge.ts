/**
 * The one object the Electron preload exposes to windows (as `window.seatdesk`) through
 * contextBridge: text frames of the RPC protocol both ways, and nothing else.
 */
export interface SeatdeskBridge {
  readonly shell: 'electron';
  send(text: string): void;
  /** Registers the receiver of core → window frames; returns a function that removes it. */
  onFrame(receiver: (text: string) => void): () => void;
}

export const BRIDGE_KEY = 'seatdesk';
/** The IPC channel names the bridge uses. */
export const IPC_FRAME_TO_CORE = 'seatdesk:rpc';
export const IPC_FRAME_TO_WINDOW = 'seatdesk:rpc-event';
