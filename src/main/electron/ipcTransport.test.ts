import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW } from '../../shared/rpc/bridge';
import type { WindowRoute } from '../../shared/windows';
import type { IpcTransport } from './ipcTransport';
import type { Log } from './log';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  return { ipcMain: new EventEmitter() };
});

const { ipcMain } = (await import('electron')) as unknown as { ipcMain: EventEmitter };
const { startIpcTransport } = await import('./ipcTransport');

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
}

class FakeContents extends EventEmitter {
  destroyed = false;
  readonly send = vi.fn();
  constructor(
    readonly id: number,
    readonly mainFrame: FakeFrame,
  ) {
    super();
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const APP_PAGE = 'app://seatdesk/index.html?window=chat&conversation=c_1';

function frameAt(url: string, processId = 3, routingId = 1): FakeFrame {
  return { url, processId, routingId };
}

const silentLog: Log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('the IPC transport', () => {
  let windows: Map<number, { key: string; route: WindowRoute }>;
  let connections: { window: unknown; send: (text: string) => void; receive: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> }[];
  let transport: IpcTransport;

  beforeEach(() => {
    windows = new Map();
    connections = [];
    const core = {
      connect: vi.fn((window: unknown, send: (text: string) => void) => {
        const connection = { window, send, receive: vi.fn(), close: vi.fn() };
        connections.push(connection);
        return connection;
      }),
    };
    transport = startIpcTransport({
      core,
      windows: { byWebContentsId: (id) => windows.get(id) as never },
      log: silentLog,
    });
  });

  afterEach(() => transport.dispose());

  function managedContents(id: number, route: WindowRoute, url = APP_PAGE): FakeContents {
    const contents = new FakeContents(id, frameAt(url));
    windows.set(id, { key: 'k', route });
    return contents;
  }

  function sendFrom(contents: FakeContents, frame: unknown, senderFrame: FakeFrame | null = contents.mainFrame): void {
    ipcMain.emit(IPC_FRAME_TO_CORE, { sender: contents, senderFrame }, frame);
  }

  it('feeds frames from a window main frame to one connection per window, with the kind the manager knows', () => {
    const chat = managedContents(7, { kind: 'chat', conversationId: 'c_1' }, 'app://seatdesk/index.html?window=settings');
    sendFrom(chat, 'first');
    sendFrom(chat, 'second');
    expect(connections).toHaveLength(1);
    expect(connections[0]?.window).toEqual({ id: 'win-7', kind: 'chat' });
    expect(connections[0]?.receive.mock.calls).toEqual([['first'], ['second']]);
  });

  it('accepts an equivalent main-frame wrapper, not only the same object', () => {
    const contents = managedContents(8, { kind: 'monitor' });
    sendFrom(contents, 'hello', frameAt(APP_PAGE));
    expect(connections[0]?.receive).toHaveBeenCalledWith('hello');
  });

  it('sends core frames back on the window channel, and stops once the window is gone', () => {
    const contents = managedContents(9, { kind: 'workstation' });
    sendFrom(contents, 'x');
    connections[0]?.send('{"t":"evt"}');
    expect(contents.send).toHaveBeenCalledWith(IPC_FRAME_TO_WINDOW, '{"t":"evt"}');
    contents.destroyed = true;
    connections[0]?.send('late');
    expect(contents.send).toHaveBeenCalledTimes(1);
  });

  describe('drops', () => {
    it('frames from a webContents that is not one of our windows', () => {
      sendFrom(new FakeContents(99, frameAt(APP_PAGE)), 'x');
      expect(connections).toHaveLength(0);
    });

    it('frames from a subframe', () => {
      const contents = managedContents(10, { kind: 'workstation' });
      sendFrom(contents, 'x', frameAt(APP_PAGE, 3, 42));
      expect(connections).toHaveLength(0);
    });

    it('frames whose sender frame is gone', () => {
      sendFrom(managedContents(11, { kind: 'workstation' }), 'x', null);
      expect(connections).toHaveLength(0);
    });

    it.each(['https://evil.example/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank'])(
      'frames from a main frame showing %s',
      (url) => {
        sendFrom(managedContents(12, { kind: 'workstation' }, url), 'x');
        expect(connections).toHaveLength(0);
      },
    );

    it('frames that are not text', () => {
      const contents = managedContents(13, { kind: 'workstation' });
      for (const frame of [undefined, 1, { t: 'call' }, Buffer.from('x')]) sendFrom(contents, frame);
      expect(connections).toHaveLength(0);
    });
  });

  it('closes the connection when the window is destroyed', () => {
    const contents = managedContents(14, { kind: 'history' });
    sendFrom(contents, 'x');
    contents.destroy();
    expect(connections[0]?.close).toHaveBeenCalledTimes(1);
  });

  it('starts a fresh connection after a reload, but not after an in-page navigation', () => {
    const contents = managedContents(15, { kind: 'workstation' });
    sendFrom(contents, 'x');
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(connections[0]?.close).not.toHaveBeenCalled();
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(connections[0]?.close).toHaveBeenCalledTimes(1);
    sendFrom(contents, 'y');
    expect(connections).toHaveLength(2);
    expect(connections[1]?.receive).toHaveBeenCalledWith('y');
  });

  it('closes the connection when the renderer process dies', () => {
    const contents = managedContents(16, { kind: 'workstation' });
    sendFrom(contents, 'x');
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(connections[0]?.close).toHaveBeenCalledTimes(1);
  });

  it('stops listening and closes every connection on dispose', () => {
    const contents = managedContents(17, { kind: 'workstation' });
    sendFrom(contents, 'x');
    transport.dispose();
    expect(connections[0]?.close).toHaveBeenCalledTimes(1);
    sendFrom(contents, 'y');
    expect(connections).toHaveLength(1);
    expect(ipcMain.listenerCount(IPC_FRAME_TO_CORE)).toBe(0);
  });
});
