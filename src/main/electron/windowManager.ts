import { BrowserWindow, screen, shell } from 'electron';
import { windowKey, type WindowKind, type WindowRoute } from '../../shared/windows';
import { appUrlFor, isAppUrl, isSafeExternalUrl, routeFromAppUrl } from './appUrls';
import { urlForLog, type Log } from './log';
import { PINNED_CHATS_KEY, parsePinnedChats, withPinned } from './pinnedChats';
import { lockNavigation } from './security';
import { fitToWorkArea, parseSavedBounds, type Rect } from './windowBounds';
import { WINDOW_SIZES, windowOptions } from './windowOptions';

export interface ManagedWindow {
  key: string;
  route: WindowRoute;
  window: BrowserWindow;
}

/** Where window placement is remembered (electron-store in the app, a Map in tests). */
export interface WindowStateStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface WindowManager {
  /** Opens the window of this route, or shows and focuses it when it is already open. */
  open(route: WindowRoute): BrowserWindow;
  get(key: string): BrowserWindow | undefined;
  /** The window a webContents belongs to; the IPC transport trusts only these. */
  byWebContentsId(id: number): ManagedWindow | undefined;
  /**
   * Pins (or unpins) a pop-out chat window above other windows and remembers it for the next time
   * this chat pops out. False if no such chat is open.
   */
  setAlwaysOnTop(key: string, pinned: boolean): boolean;
}

export interface WindowManagerOptions {
  preloadPath: string;
  state: WindowStateStore;
  log: Log;
}

// Each further pop-out chat opens this much lower-right, so it never hides the previous one.
const CASCADE = 24;

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

export function createWindowManager({ preloadPath, state, log }: WindowManagerOptions): WindowManager {
  const byKey = new Map<string, ManagedWindow>();
  const byContents = new Map<number, ManagedWindow>();

  const openCount = (kind: WindowKind) => [...byKey.values()].filter((managed) => managed.route.kind === kind).length;

  /** Saved bounds of this kind (or the default size, centred), fitted to a display that exists now. */
  function placement(kind: WindowKind): { bounds: Rect; maximized: boolean } {
    const size = WINDOW_SIZES[kind];
    const saved = parseSavedBounds(state.get(`bounds.${kind}`));
    let rect: Rect;
    if (saved) {
      rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
    } else {
      const area = screen.getPrimaryDisplay().workArea;
      rect = {
        x: area.x + Math.round((area.width - size.width) / 2),
        y: area.y + Math.round((area.height - size.height) / 2),
        width: size.width,
        height: size.height,
      };
    }
    const shift = kind === 'chat' ? CASCADE * openCount('chat') : 0;
    rect = { ...rect, x: rect.x + shift, y: rect.y + shift };
    const { workArea } = screen.getDisplayMatching(rect);
    const minimum = { width: size.minWidth, height: size.minHeight };
    return { bounds: fitToWorkArea(rect, workArea, minimum), maximized: saved?.maximized ?? false };
  }

  const isRememberedPinned = (key: string) => parsePinnedChats(state.get(PINNED_CHATS_KEY)).includes(key);

  function rememberPinned(key: string, pinned: boolean): void {
    const list = parsePinnedChats(state.get(PINNED_CHATS_KEY));
    if (list.includes(key) !== pinned) state.set(PINNED_CHATS_KEY, withPinned(list, key, pinned));
  }

  // 'floating' keeps the chat above normal windows without covering system UI such as menus
  const pin = (window: BrowserWindow, pinned: boolean) => window.setAlwaysOnTop(pinned, 'floating');

  function saveBounds(kind: WindowKind, window: BrowserWindow): void {
    const { x, y, width, height } = window.getNormalBounds();
    state.set(`bounds.${kind}`, { x, y, width, height, maximized: window.isMaximized() });
  }

  /** window.open from one of our pages: our own windows by route, the web in the browser, else nothing. */
  function handleOpenRequest(url: string): void {
    const route = routeFromAppUrl(url);
    if (route) {
      open(route);
    } else if (isAppUrl(url)) {
      log.warn('refused to open a malformed app URL');
    } else if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log.error(`could not open ${urlForLog(url)}`, error));
    } else {
      log.warn(`refused to open ${urlForLog(url)}`);
    }
  }

  function open(route: WindowRoute): BrowserWindow {
    const key = windowKey(route);
    const existing = byKey.get(key);
    if (existing && !existing.window.isDestroyed()) {
      focus(existing.window);
      return existing.window;
    }

    const { bounds, maximized } = placement(route.kind);
    const window = new BrowserWindow(windowOptions(route, preloadPath, bounds));
    const contents = window.webContents;
    const contentsId = contents.id;
    const managed: ManagedWindow = { key, route, window };
    byKey.set(key, managed);
    byContents.set(contentsId, managed);

    lockNavigation(contents, log);
    contents.setWindowOpenHandler(({ url }) => {
      handleOpenRequest(url);
      return { action: 'deny' };
    });

    if (route.kind === 'chat') {
      if (isRememberedPinned(key)) pin(window, true);
      // the window manager's own "always on top" menu (Linux, Windows) counts as the user's choice too
      window.on('always-on-top-changed', (_event, pinned) => rememberPinned(key, pinned));
    }
    window.once('ready-to-show', () => {
      if (maximized) window.maximize();
      window.show();
    });
    window.on('close', () => saveBounds(route.kind, window));
    window.on('closed', () => {
      if (byKey.get(key) === managed) byKey.delete(key);
      byContents.delete(contentsId);
    });

    window.loadURL(appUrlFor(route)).catch((error: unknown) => log.error(`could not load the ${route.kind} window`, error));
    return window;
  }

  return {
    open,
    get: (key) => byKey.get(key)?.window,
    byWebContentsId: (id) => byContents.get(id),
    setAlwaysOnTop(key, pinned) {
      const managed = byKey.get(key);
      if (!managed || managed.route.kind !== 'chat' || managed.window.isDestroyed()) return false;
      pin(managed.window, pinned);
      rememberPinned(key, pinned);
      return true;
    },
  };
}
