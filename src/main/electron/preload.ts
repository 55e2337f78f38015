/*
 * The sandboxed preload (bundled to dist/main/preload.cjs). It runs with only `electron`'s
 * renderer modules available and hands the page one narrow object: text frames to the core
 * and from it. ipcRenderer itself, the IPC event and its sender never reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW, type SeatdeskBridge } from '../../shared/rpc/bridge';

const bridge: SeatdeskBridge = {
  shell: 'electron',
  send(text: string): void {
    if (typeof text === 'string') ipcRenderer.send(IPC_FRAME_TO_CORE, text);
  },
  onFrame(receiver: (text: string) => void): () => void {
    if (typeof receiver !== 'function') return () => undefined;
    const listener = (_event: IpcRendererEvent, text: unknown) => {
      if (typeof text === 'string') receiver(text);
    };
    ipcRenderer.on(IPC_FRAME_TO_WINDOW, listener);
    return () => {
      ipcRenderer.removeListener(IPC_FRAME_TO_WINDOW, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
