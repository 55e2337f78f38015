import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW } from '../../shared/rpc/bridge';
import type { WindowKind } from '../../shared/windows';
import type { Core } from '../core/core';
import type { RpcConnection } from '../core/rpc/connection';
import { checkSender, createDropLog } from './ipcSender';
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

/**
 * The Electron end of the RPC link: IPC text frames from our windows' preloads into the core,
 * the core's frames back. The window a frame comes from is established here, from the
 * webContents that sent it, never from anything the frame claims.
 */
export function startIpcTransport({ core, windows, log }: IpcTransportOptions): IpcTransport {
  const connections = new Map<number, { connection: RpcConnection; release: () => void }>();
  const drops = createDropLog(log, 'IPC frame');

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
      drops.forget(id);
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
    const sender = checkSender(event, windows);
    if (!sender.ok) return void drops.drop(contents.id, sender.reason);
    if (typeof frame !== 'string') return void drops.drop(contents.id, 'not a text frame');
    connectionFor(contents, sender.managed.route.kind).receive(frame);
  };

  ipcMain.on(IPC_FRAME_TO_CORE, onFrame);
  return {
    dispose() {
      ipcMain.off(IPC_FRAME_TO_CORE, onFrame);
      for (const id of [...connections.keys()]) close(id);
    },
  };
}
