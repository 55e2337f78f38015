/*
 * Starts the real main process wiring (main.ts with the real core and the real demo server)
 * against a fake `electron` module, since the Electron binary is not available here. It checks
 * what no type-check can: the order of start-up, that a window's frames reach the core and
 * come back, what app:// serves, window routing, and a clean quit.
 */
import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ElectronModule from 'electron';
import { IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW, IPC_WINDOW_PIN } from '../../shared/rpc/bridge';
import type * as ServerApp from '../../server/app';
import { bundleChild } from '../../../tests/support/bundleChild';

const fake = vi.hoisted(() => ({
  userData: '',
  rendererDir: '',
  serverCalls: [] as { dataDir: string; demo?: boolean }[],
  // the core process entry, bundled for Node: the fake utility process runs it with child_process.fork
  coreEntry: '',
  coreProcesses: [] as ChildProcess[],
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');

  class FakeWebContents extends EventEmitter {
    static next = 1;
    readonly id = FakeWebContents.next++;
    readonly mainFrame = { url: '', processId: 1, routingId: this.id };
    readonly send = vi.fn();
    openHandler: ((details: { url: string }) => { action: string }) | undefined;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
    getURL() {
      return this.mainFrame.url;
    }
    isDestroyed() {
      return false;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => fake.userData),
    getVersion: () => '0.1.0-test',
    getLocale: () => 'zh-CN',
    setAppUserModelId: vi.fn(),
    setBadgeCount: vi.fn(),
    exit: vi.fn(),
    quit: vi.fn(() => {
      app.emit('before-quit', { preventDefault: vi.fn() });
    }),
  });

  class BrowserWindow extends EventEmitter {
    static created: BrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly focus = vi.fn();
    onTop = false;
    readonly setAlwaysOnTop = vi.fn((flag: boolean) => {
      this.onTop = flag;
    });
    isAlwaysOnTop = () => this.onTop;
    visible = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      BrowserWindow.created.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.webContents.mainFrame.url = url;
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    isVisible = () => this.visible;
    isMaximized = () => false;
    show = () => {
      this.visible = true;
    };
    restore() {}
    maximize() {}
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 850 });
    setOverlayIcon() {}
  }

  const area = { x: 0, y: 0, width: 1920, height: 1040 };
  class Tray {
    setToolTip = vi.fn();
    setContextMenu = vi.fn();
    on = vi.fn();
    destroyed = false;
    isDestroyed = () => this.destroyed;
    destroy = () => {
      this.destroyed = true;
    };
  }
  // utilityProcess.fork as Electron has it (postMessage, 'message', 'exit', kill), on a Node child.
  const { fork } = await import('node:child_process');
  const utilityProcess = {
    fork: vi.fn((modulePath: string) => {
      const child = fork(fake.coreEntry, [], { serialization: 'advanced', execArgv: [] });
      fake.coreProcesses.push(child);
      const utility = Object.assign(new EventEmitter(), {
        modulePath,
        postMessage: (message: unknown) => child.connected && child.send(message as never),
        kill: () => child.kill(),
      });
      child.on('message', (message) => utility.emit('message', message));
      child.on('exit', (code) => utility.emit('exit', code ?? 1));
      return utility;
    }),
  };
  return {
    app,
    BrowserWindow,
    utilityProcess,
    Tray,
    // ipcMain.handle as Electron has it: one handler per invoke channel
    ipcMain: Object.assign(new EventEmitter(), {
      handlers: new Map<string, (...args: unknown[]) => unknown>(),
      handle(channel: string, handler: (...args: unknown[]) => unknown) {
        this.handlers.set(channel, handler);
      },
      removeHandler(channel: string) {
        this.handlers.delete(channel);
      },
    }),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    },
    screen: { getPrimaryDisplay: () => ({ workArea: area }), getDisplayMatching: () => ({ workArea: area }) },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showErrorBox: vi.fn() },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (file: string) => ({ file, resize: () => ({ file }) }) },
    Notification: { isSupported: () => false },
    // as on a Linux box without a keyring: secrets stay in memory
    safeStorage: { isEncryptionAvailable: () => false },
  };
});

vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>();
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

vi.mock('./paths', () => ({
  rendererDir: () => fake.rendererDir,
  preloadPath: () => '/opt/seatdesk/dist/main/preload.cjs',
  resourcePath: (name: string) => `/opt/seatdesk/resources/${name}`,
}));

// The real server, on a free port so this test never competes for 4700 with anything else.
vi.mock('../../server/app', async (importActual) => {
  const actual = await importActual<typeof ServerApp>();
  return {
    ...actual,
    startServer: (options: Parameters<typeof actual.startServer>[0]) => {
      fake.serverCalls.push(options);
      return actual.startServer({ ...options, port: 0, logger: false });
    },
  };
});

type Electron = typeof ElectronModule;
interface FakeWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown> };
  webContents: EventEmitter & {
    id: number;
    mainFrame: { url: string };
    send: ReturnType<typeof vi.fn>;
    openHandler?: (details: { url: string }) => { action: string };
  };
  focus: ReturnType<typeof vi.fn>;
  setAlwaysOnTop: ReturnType<typeof vi.fn>;
}

let electron: Electron;
let windows: FakeWindow[];
let work: string;

function handlerOf(): (request: { url: string; method: string }) => Promise<Response> {
  const handle = vi.mocked(electron.protocol.handle);
  expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  return handle.mock.calls[0]?.[1] as never;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'seatdesk-shell-'));
  fake.userData = path.join(work, 'userData');
  fake.rendererDir = path.join(work, 'renderer');
  await mkdir(fake.rendererDir, { recursive: true });
  await writeFile(path.join(fake.rendererDir, 'index.html'), '<!doctype html><title>Seatdesk</title>');
  for (const level of ['info', 'warn'] as const) vi.spyOn(console, level).mockImplementation(() => undefined);

  fake.coreEntry = await bundleChild(path.join(import.meta.dirname, '../core/process/main.ts'), 'coreProcessForShell');
  electron = await import('electron');
  windows = (electron.BrowserWindow as unknown as { created: FakeWindow[] }).created;
  await import('./main');
  await vi.waitFor(() => expect(windows).toHaveLength(1), { timeout: 15_000 });
}, 30_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await rm(work, { recursive: true, force: true });
});

describe('the Electron main process, on a fake Electron', () => {
  it('registers app:// as a privileged scheme before the app is ready, without bypassing CSP', () => {
    const register = vi.mocked(electron.protocol.registerSchemesAsPrivileged);
    expect(register).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(register.mock.calls[0]?.[0][0]?.privileges?.bypassCSP).toBeUndefined();
    const readyAsked = vi.mocked(electron.app.whenReady).mock.invocationCallOrder[0] ?? 0;
    expect(register.mock.invocationCallOrder[0]).toBeLessThan(readyAsked);
  });

  it('starts the embedded demo server with its data under userData/server', () => {
    expect(fake.serverCalls).toEqual([expect.objectContaining({ dataDir: path.join(fake.userData, 'server'), demo: true })]);
  });

  it('hardens the default session', () => {
    const { defaultSession } = electron.session;
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
  });

  it('opens the workstation from app://, sandboxed, with the preload', () => {
    const [workstation] = windows;
    expect(workstation?.webContents.mainFrame.url).toBe('app://seatdesk/index.html?window=workstation');
    expect(workstation?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/opt/seatdesk/dist/main/preload.cjs',
    });
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const serve = handlerOf();
    const page = await serve({ url: 'app://seatdesk/index.html?window=workstation', method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>Seatdesk</title>');

    const escape = await serve({ url: 'app://seatdesk/..%2F..%2FuserData%2Fsecrets.json', method: 'GET' });
    expect(escape.status).toBe(404);
    expect(escape.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await serve({ url: 'app://seatdesk/index.html', method: 'POST' })).status).toBe(405);
  });

  it('carries a window call to the core and the answer back to that window', async () => {
    const [workstation] = windows;
    if (!workstation) throw new Error('no workstation');
    const event = { sender: workstation.webContents, senderFrame: workstation.webContents.mainFrame };
    electron.ipcMain.emit(IPC_FRAME_TO_CORE, event, JSON.stringify({ t: 'call', id: 1, m: 'app.info' }));
    // the first call also waits for the core process to start (slow on a loaded machine)
    await vi.waitFor(() => expect(workstation.webContents.send).toHaveBeenCalled(), { timeout: 15_000 });
    const [channel, text] = workstation.webContents.send.mock.calls[0] ?? [];
    expect(channel).toBe(IPC_FRAME_TO_WINDOW);
    const frame = JSON.parse(text as string) as { t: string; id: number; r: { ok: boolean; value: { shell: string; embeddedServerUrl: string } } };
    expect(frame).toMatchObject({ t: 'res', id: 1, r: { ok: true, value: { shell: 'electron' } } });

    const health = await fetch(`${frame.r.value.embeddedServerUrl}/api/health`);
    expect(health.ok).toBe(true);
  });

  it('runs the core in a utility process built beside the main bundle', () => {
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(vi.mocked(electron.utilityProcess.fork).mock.calls[0]?.[0]).toMatch(/core\.cjs$/);
    expect(fake.coreProcesses[0]?.pid).not.toBe(process.pid);
  });

  it('focuses the workstation when a second instance starts', () => {
    electron.app.emit('second-instance');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.focus).toHaveBeenCalled();
  });

  it('routes window.open: app links open our windows, safe web links the browser, the rest nothing', () => {
    const open = windows[0]?.webContents.openHandler;
    if (!open) throw new Error('no window open handler');
    expect(open({ url: 'app://seatdesk/index.html?window=chat&conversation=c_9' })).toEqual({ action: 'deny' });
    expect(windows).toHaveLength(2);
    expect(windows[1]?.webContents.mainFrame.url).toBe('app://seatdesk/index.html?window=chat&conversation=c_9');
    open({ url: 'app://seatdesk/index.html?window=chat&conversation=c_9' });
    expect(windows).toHaveLength(2);

    expect(open({ url: 'https://help.example.com/a' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://help.example.com/a');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://u:p@example.com/']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(windows).toHaveLength(2);
  });

  it('pins a pop-out chat asked by its own page, and the chat pops out pinned again after closing', () => {
    const handlers = (electron.ipcMain as unknown as { handlers: Map<string, (...args: unknown[]) => unknown> }).handlers;
    const pin = handlers.get(IPC_WINDOW_PIN);
    const chat = windows[1];
    if (!pin || !chat) throw new Error('no pin handler or no chat window');
    const fromPage = { sender: chat.webContents, senderFrame: chat.webContents.mainFrame };
    expect(pin(fromPage, { pinned: true })).toBe(true);
    expect(chat.setAlwaysOnTop).toHaveBeenCalledWith(true, 'floating');
    const workstation = windows[0];
    expect(pin({ sender: workstation?.webContents, senderFrame: workstation?.webContents.mainFrame }, { pinned: true })).toBeNull();

    chat.emit('close');
    chat.emit('closed');
    windows[0]?.webContents.openHandler?.({ url: 'app://seatdesk/index.html?window=chat&conversation=c_9' });
    expect(windows).toHaveLength(3);
    expect(windows[2]?.setAlwaysOnTop).toHaveBeenCalledWith(true, 'floating');
  });

  it('blocks navigation away from the page', () => {
    const contents = windows[0]?.webContents;
    const preventDefault = vi.fn();
    contents?.emit('will-navigate', { url: 'https://evil.example/', preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it.runIf(process.platform !== 'darwin')('quits when the last window closes, closing the core and the server first', async () => {
    const [workstation] = windows;
    const text = workstation?.webContents.send.mock.calls[0]?.[1] as string;
    const serverUrl = (JSON.parse(text) as { r: { value: { embeddedServerUrl: string } } }).r.value.embeddedServerUrl;
    for (const window of windows) window.emit('close');
    electron.app.emit('window-all-closed');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    await expect(fetch(`${serverUrl}/api/health`)).rejects.toThrow();
    await vi.waitFor(() => expect(fake.coreProcesses[0]?.exitCode ?? fake.coreProcesses[0]?.signalCode).not.toBeNull());
  });
});
