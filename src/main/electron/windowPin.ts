import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_WINDOW_PIN } from '../../shared/rpc/bridge';
import { checkSender, createDropLog } from './ipcSender';
import type { Log } from './log';
import type { WindowManager } from './windowManager';

const PinRequestSchema = z.object({ pinned: z.boolean().optional() }).strict();

export interface WindowPinOptions {
  windows: Pick<WindowManager, 'byWebContentsId' | 'setAlwaysOnTop'>;
  log: Log;
}

/**
 * Answers a pop-out chat's pin requests (the preload's `pin`): with the same sender checks as the
 * RPC frames, only for the chat window's own main frame on app://, and only for chat windows.
 * The answer is what the window is now, so the page's button shows the truth; a refused
 * request gets null and changes nothing.
 */
export function startWindowPin({ windows, log }: WindowPinOptions): { dispose(): void } {
  const drops = createDropLog(log, 'pin request');

  const onPin = (event: IpcMainInvokeEvent, payload: unknown): boolean | null => {
    const sender = checkSender(event, windows);
    if (!sender.ok) return refuse(event, sender.reason);
    const { managed } = sender;
    if (managed.route.kind !== 'chat') return refuse(event, `a ${managed.route.kind} window cannot be pinned`);
    const request = PinRequestSchema.safeParse(payload);
    if (!request.success) return refuse(event, `bad payload: ${z.prettifyError(request.error)}`);
    if (request.data.pinned !== undefined) windows.setAlwaysOnTop(managed.key, request.data.pinned);
    return managed.window.isDestroyed() ? null : managed.window.isAlwaysOnTop();
  };

  function refuse({ sender }: IpcMainInvokeEvent, reason: string): null {
    const id = sender.id;
    // the count of a sender is dropped with it, so closed windows leave nothing behind
    if (drops.drop(id, reason) === 1) sender.once('destroyed', () => drops.forget(id));
    return null;
  }

  ipcMain.handle(IPC_WINDOW_PIN, onPin);
  return { dispose: () => ipcMain.removeHandler(IPC_WINDOW_PIN) };
}
