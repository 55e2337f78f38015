import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_WINDOW_PIN } from '../../shared/rpc/bridge';
import type { WindowRoute } from '../../shared/windows';
import type { Log } from './log';

// ipcMain.handle as Electron has it: one handler per invoke channel.
vi.mock('electron', () => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    ipcMain: {
      handlers,
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
  };
});

const { ipcMain } = (await import('electron')) as unknown as { ipcMain: { handlers: Map<string, (...args: unknown[]) => unknown> } };
const { startWindowPin } = await import('./windowPin');

interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
}

const CHAT_PAGE = 'app://seatdesk/index.html?window=chat&conversation=c_1';

class FakeWindow {
  onTop = false;
  destroyed = false;
  isAlwaysOnTop = () => this.onTop;
  isDestroyed = () => this.destroyed;
}

describe('pinning a window from its page', () => {
  let managed: Map<number, { key: string; route: WindowRoute; window: FakeWindow }>;
  let setAlwaysOnTop: ReturnType<typeof vi.fn<(key: string, pinned: boolean) => boolean>>;
  const log: Log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

  beforeEach(() => {
    managed = new Map();
    setAlwaysOnTop = vi.fn((key: string, pinned: boolean) => {
      const entry = [...managed.values()].find((candidate) => candidate.key === key);
      if (entry) entry.window.onTop = pinned;
      return Boolean(entry);
    });
    startWindowPin({ windows: { byWebContentsId: (id) => managed.get(id) as never, setAlwaysOnTop }, log });
  });

  function windowAt(id: number, route: WindowRoute, url = CHAT_PAGE) {
    const mainFrame: FakeFrame = { url, processId: 3, routingId: 1 };
    const window = new FakeWindow();
    managed.set(id, { key: route.kind === 'chat' ? `chat:${route.conversationId}` : route.kind, route, window });
    return { sender: Object.assign(new EventEmitter(), { id, mainFrame }), senderFrame: mainFrame as FakeFrame | null, window };
  }

  function ask(event: { sender: { id: number }; senderFrame: FakeFrame | null }, payload: unknown): unknown {
    const handler = ipcMain.handlers.get(IPC_WINDOW_PIN);
    if (!handler) throw new Error('no pin handler');
    return handler(event, payload);
  }

  it('pins and unpins a chat window from its own main frame, answering what the window now is', () => {
    const chat = windowAt(5, { kind: 'chat', conversationId: 'c_1' });
    expect(ask(chat, {})).toBe(false);
    expect(ask(chat, { pinned: true })).toBe(true);
    expect(setAlwaysOnTop).toHaveBeenLastCalledWith('chat:c_1', true);
    expect(ask(chat, {})).toBe(true);
    expect(ask(chat, { pinned: false })).toBe(false);
    expect(chat.window.onTop).toBe(false);
  });

  it('answers the truth, not the request, when the shell did not pin', () => {
    const chat = windowAt(6, { kind: 'chat', conversationId: 'c_1' });
    setAlwaysOnTop.mockReturnValueOnce(false);
    expect(ask(chat, { pinned: true })).toBe(false);
  });

  describe('refuses, changing nothing,', () => {
    it.each<WindowRoute>([{ kind: 'workstation' }, { kind: 'monitor' }, { kind: 'settings' }])('a %o window', (route) => {
      expect(ask(windowAt(7, route, 'app://seatdesk/index.html'), { pinned: true })).toBeNull();
      expect(setAlwaysOnTop).not.toHaveBeenCalled();
    });

    it('a webContents that is not one of our windows', () => {
      const mainFrame = { url: CHAT_PAGE, processId: 3, routingId: 1 };
      expect(ask({ sender: Object.assign(new EventEmitter(), { id: 99, mainFrame }), senderFrame: mainFrame }, { pinned: true })).toBeNull();
      expect(setAlwaysOnTop).not.toHaveBeenCalled();
    });

    it('a subframe of the chat window, or a frame already gone', () => {
      const chat = windowAt(8, { kind: 'chat', conversationId: 'c_1' });
      expect(ask({ ...chat, senderFrame: { url: CHAT_PAGE, processId: 3, routingId: 42 } }, { pinned: true })).toBeNull();
      expect(ask({ ...chat, senderFrame: null }, { pinned: true })).toBeNull();
      expect(setAlwaysOnTop).not.toHaveBeenCalled();
    });

    it.each(['https://evil.example/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank'])('a chat window showing %s', (url) => {
      expect(ask(windowAt(9, { kind: 'chat', conversationId: 'c_1' }, url), { pinned: true })).toBeNull();
      expect(setAlwaysOnTop).not.toHaveBeenCalled();
    });

    it.each<unknown>([undefined, null, true, 'pin', { pinned: 'yes' }, { pinned: 1 }, { pinned: true, level: 'screen-saver' }])(
      'the payload %o',
      (payload) => {
        expect(ask(windowAt(10, { kind: 'chat', conversationId: 'c_1' }), payload)).toBeNull();
        expect(setAlwaysOnTop).not.toHaveBeenCalled();
      },
    );
  });

  it('logs a refusal naming the bad field, not every one of a flood of them', () => {
    const warn = vi.mocked(log.warn);
    warn.mockClear();
    const chat = windowAt(11, { kind: 'chat', conversationId: 'c_1' });
    for (let i = 0; i < 20; i += 1) ask(chat, { pinned: 'yes' });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toContain('pinned');
    // a closed window's count goes with it: its next drop is logged as a first again
    chat.sender.emit('destroyed');
    ask(chat, { pinned: 'yes' });
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('stops answering once disposed', () => {
    managed.clear();
    ipcMain.handlers.clear();
    const pin = startWindowPin({ windows: { byWebContentsId: () => undefined, setAlwaysOnTop }, log });
    expect(ipcMain.handlers.has(IPC_WINDOW_PIN)).toBe(true);
    pin.dispose();
    expect(ipcMain.handlers.has(IPC_WINDOW_PIN)).toBe(false);
  });
});
