/*
 * The sandboxed preload (bundled to dist/main/preload.cjs). It runs with only `electron`'s
 * renderer modules available and hands the page one narrow object: text frames to the core
 * and from it, and the pin of its own window. ipcRenderer itself, the IPC event and its sender never reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW, IPC_WINDOW_PIN, type SeatdeskBridge } from '../../shared/rpc/bridge';

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
  async pin(pinned?: boolean): Promise<boolean | null> {
    // only a boolean crosses; anything else the page passes means "just tell me"
    const answer: unknown = await ipcRenderer.invoke(IPC_WINDOW_PIN, typeof pinned === 'boolean' ? { pinned } : {});
    return typeof answer === 'boolean' ? answer : null;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
