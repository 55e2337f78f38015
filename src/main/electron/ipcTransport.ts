import { ipcMain, type IpcMainEvent, type WebContents, type WebFrameMain } from 'electron';
import { IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW } from '../../shared/rpc/bridge';
import type { WindowKind } from '../../shared/windows';
import type { Core } from '../core/core';
import type { RpcConnection } from '../core/rpc/connection';
import { isAppUrl } from './appUrls';
import type { Log } from './log';
import type { WindowManager } from './windowManager';

export interface IpcTransportOptions {
  core: Pick<Core, 'connect'>;
  windows: Pick<WindowManager, 'byWebContentsId'>;
  log: Log;
}

export interface IpcTransport {
  /** Stops listening and closes every window's connection (at quit). */
  dispose(): void;
}

// A WebFrameMain wrapper is normally reused per frame; comparing the process and routing ids
// as well keeps the check right even if a fresh wrapper is handed out for the same frame.
function isMainFrame(frame: WebFrameMain, main: WebFrameMain): boolean {
  return frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
}

/**
 * The Electron end of the RPC link: IPC text frames from our windows' preloads into the core,
 * the core's frames back. The window a frame comes from is established here, from the
 * webContents that sent it, never from anything the frame claims.
 */
export function startIpcTransport({ core, windows, log }: IpcTransportOptions): IpcTransport {
  const connections = new Map<number, { connection: RpcConnection; release: () => void }>();
  const drops = new Map<number, number>();

  // A compromised page could send junk in a loop; log the 1st, 10th, 100th … drop per sender.
  function drop(contentsId: number, reason: string): void {
    const count = (drops.get(contentsId) ?? 0) + 1;
    drops.set(contentsId, count);
    if (Number.isInteger(Math.log10(count))) log.warn(`dropped IPC frame from webContents ${contentsId} (${count}x): ${reason}`);
  }

  function close(contentsId: number): void {
    const entry = connections.get(contentsId);
    if (!entry) return;
    connections.delete(contentsId);
    entry.release();
    entry.connection.close();
  }

  function connectionFor(contents: WebContents, kind: WindowKind): RpcConnection {
    const existing = connections.get(contents.id);
    if (existing) return existing.connection;
    const id = contents.id;
    const connection = core.connect({ id: `win-${id}`, kind }, (text) => {
      if (!contents.isDestroyed()) contents.send(IPC_FRAME_TO_WINDOW, text);
    });
    // A reload or crash starts a new page with no memory of its calls and subscriptions, so
    // the old page's connection ends before the new page can speak.
    const onNavigation = (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
      if (details.isMainFrame && !details.isSameDocument) close(id);
    };
    const onGone = () => close(id);
    contents.on('did-start-navigation', onNavigation);
    contents.on('render-process-gone', onGone);
    contents.once('destroyed', () => {
      close(id);
      drops.delete(id);
    });
    connections.set(id, {
      connection,
      release: () => {
        if (contents.isDestroyed()) return;
        contents.off('did-start-navigation', onNavigation);
        contents.off('render-process-gone', onGone);
      },
    });
    return connection;
  }

  const onFrame = (event: IpcMainEvent, frame: unknown) => {
    const contents = event.sender;
    const managed = windows.byWebContentsId(contents.id);
    if (!managed) return drop(contents.id, 'not one of our windows');
    const sender = event.senderFrame;
    if (!sender || !isMainFrame(sender, contents.mainFrame)) return drop(contents.id, 'not the main frame');
    if (!isAppUrl(sender.url)) return drop(contents.id, 'the frame is not on the app origin');
    if (typeof frame !== 'string') return drop(contents.id, 'not a text frame');
    connectionFor(contents, managed.route.kind).receive(frame);
  };

  ipcMain.on(IPC_FRAME_TO_CORE, onFrame);
  return {
    dispose() {
      ipcMain.off(IPC_FRAME_TO_CORE, onFrame);
      for (const id of [...connections.keys()]) close(id);
    },
  };
}
