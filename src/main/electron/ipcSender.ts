import type { IpcMainEvent, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { isAppUrl } from './appUrls';
import type { Log } from './log';
import type { ManagedWindow, WindowManager } from './windowManager';

// A WebFrameMain wrapper is normally reused per frame; comparing the process and routing ids
// as well keeps the check right even if a fresh wrapper is handed out for the same frame.
function isMainFrame(frame: WebFrameMain, main: WebFrameMain): boolean {
  return frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
}

export type SenderCheck = { ok: true; managed: ManagedWindow } | { ok: false; reason: string };

/**
 * The window an IPC message comes from, established from the webContents and frame that sent
 * it, never from anything the message claims: one of our windows, its main frame, on app://.
 */
export function checkSender(
  event: IpcMainEvent | IpcMainInvokeEvent,
  windows: Pick<WindowManager, 'byWebContentsId'>,
): SenderCheck {
  const contents = event.sender;
  const managed = windows.byWebContentsId(contents.id);
  if (!managed) return { ok: false, reason: 'not one of our windows' };
  const sender = event.senderFrame;
  if (!sender || !isMainFrame(sender, contents.mainFrame)) return { ok: false, reason: 'not the main frame' };
  if (!isAppUrl(sender.url)) return { ok: false, reason: 'the frame is not on the app origin' };
  return { ok: true, managed };
}

export interface DropLog {
  /** Counts and maybe logs a drop; answers how many drops this sender has had. */
  drop(contentsId: number, reason: string): number;
  /** Forgets a sender's count once its webContents is gone. */
  forget(contentsId: number): void;
}

/** A compromised page could send junk in a loop; logs the 1st, 10th, 100th … drop per sender. */
export function createDropLog(log: Log, what: string): DropLog {
  const drops = new Map<number, number>();
  return {
    drop(contentsId, reason) {
      const count = (drops.get(contentsId) ?? 0) + 1;
      drops.set(contentsId, count);
      if (Number.isInteger(Math.log10(count))) log.warn(`dropped ${what} from webContents ${contentsId} (${count}x): ${reason}`);
      return count;
    },
    forget: (contentsId) => drops.delete(contentsId),
  };
}
