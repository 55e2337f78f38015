import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Log } from './log';
import { PINNED_CHATS_KEY } from './pinnedChats';

// Just enough of Electron's BrowserWindow for the manager; the Electron binary is absent here.
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    static created: BrowserWindow[] = [];
    readonly webContents = Object.assign(new EventEmitter(), { id: BrowserWindow.created.length + 1, setWindowOpenHandler: () => undefined });
    onTop = false;
    readonly setAlwaysOnTop = vi.fn((flag: boolean) => {
      this.onTop = flag;
    });
    constructor() {
      super();
      BrowserWindow.created.push(this);
    }
    loadURL = async () => undefined;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 480, height: 720 });
    isMaximized = () => false;
  }
  const area = { x: 0, y: 0, width: 1920, height: 1040 };
  return {
    app: new EventEmitter(),
    BrowserWindow,
    screen: { getPrimaryDisplay: () => ({ workArea: area }), getDisplayMatching: () => ({ workArea: area }) },
    shell: { openExternal: vi.fn() },
  };
});

interface FakeWindow extends EventEmitter {
  onTop: boolean;
  setAlwaysOnTop: ReturnType<typeof vi.fn>;
}

const electron = await import('electron');
const created = (electron.BrowserWindow as unknown as { created: FakeWindow[] }).created;
const { createWindowManager } = await import('./windowManager');

const log: Log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const chat = (conversationId: string) => ({ kind: 'chat', conversationId }) as const;

describe('pinned pop-out chats', () => {
  let state: Map<string, unknown>;
  let manager: ReturnType<typeof createWindowManager>;

  beforeEach(() => {
    created.length = 0;
    state = new Map();
    manager = createWindowManager({ preloadPath: '/preload.cjs', state: { get: (key) => state.get(key), set: (key, value) => state.set(key, value) }, log });
  });

  const latest = () => created.at(-1) as FakeWindow;

  function closeLatest(): void {
    latest().emit('close');
    latest().emit('closed');
  }

  it('pins a chat on the floating level and opens it pinned again after it was closed', () => {
    manager.open(chat('c_1'));
    expect(manager.setAlwaysOnTop('chat:c_1', true)).toBe(true);
    expect(latest().setAlwaysOnTop).toHaveBeenCalledWith(true, 'floating');
    closeLatest();

    manager.open(chat('c_1'));
    expect(created).toHaveLength(2);
    expect(latest().onTop).toBe(true);
    // another chat is not pinned by it
    manager.open(chat('c_2'));
    expect(latest().setAlwaysOnTop).not.toHaveBeenCalled();
  });

  it('forgets the pin once the chat is unpinned', () => {
    manager.open(chat('c_1'));
    manager.setAlwaysOnTop('chat:c_1', true);
    manager.setAlwaysOnTop('chat:c_1', false);
    closeLatest();
    manager.open(chat('c_1'));
    expect(latest().setAlwaysOnTop).not.toHaveBeenCalled();
    expect(state.get(PINNED_CHATS_KEY)).toEqual([]);
  });

  it('remembers a pin made from the window frame menu, outside the app', () => {
    manager.open(chat('c_3'));
    latest().emit('always-on-top-changed', {}, true);
    closeLatest();
    manager.open(chat('c_3'));
    expect(latest().onTop).toBe(true);
  });

  it('pins only open chat windows', () => {
    manager.open({ kind: 'workstation' });
    expect(manager.setAlwaysOnTop('workstation', true)).toBe(false);
    expect(manager.setAlwaysOnTop('chat:c_404', true)).toBe(false);
    expect(latest().setAlwaysOnTop).not.toHaveBeenCalled();
    expect(state.has(PINNED_CHATS_KEY)).toBe(false);
  });

  it.each<unknown>(['chat:c_1', { 'chat:c_1': true }, [1, null, 'workstation']])('ignores a corrupt store value %o', (value) => {
    state.set(PINNED_CHATS_KEY, value);
    manager.open(chat('c_1'));
    expect(latest().setAlwaysOnTop).not.toHaveBeenCalled();
  });

  it('keeps only the most recent 200 pins', () => {
    state.set(PINNED_CHATS_KEY, Array.from({ length: 200 }, (_, i) => `chat:old_${i}`));
    manager.open(chat('c_new'));
    manager.setAlwaysOnTop('chat:c_new', true);
    const kept = state.get(PINNED_CHATS_KEY) as string[];
    expect(kept).toHaveLength(200);
    expect(kept.at(-1)).toBe('chat:c_new');
    expect(kept).not.toContain('chat:old_0');
  });
});
