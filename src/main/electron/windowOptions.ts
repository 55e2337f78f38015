// Types only: this file must load in plain Node (vitest) where the Electron binary is absent.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowKind, WindowRoute } from '../../shared/windows';

export interface WindowSize {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Default and minimum sizes: the workstation shows queues, list and chat side by side. */
export const WINDOW_SIZES: Record<WindowKind, WindowSize> = {
  workstation: { width: 1440, height: 900, minWidth: 1024, minHeight: 640 },
  chat: { width: 480, height: 720, minWidth: 360, minHeight: 480 },
  monitor: { width: 1280, height: 800, minWidth: 960, minHeight: 600 },
  history: { width: 1200, height: 800, minWidth: 900, minHeight: 560 },
  settings: { width: 720, height: 600, minWidth: 560, minHeight: 480 },
};

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

// antd's light layout background, so a window never flashes white-then-grey while loading.
const BACKGROUND_COLOR = '#f5f5f5';

/** The renderer gets no Node, no Electron, no webviews: only what the preload's bridge exposes. */
function securePreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The options every BrowserWindow of this route is created with. */
export function windowOptions(
  route: WindowRoute,
  preloadPath: string,
  bounds?: WindowBounds,
): BrowserWindowConstructorOptions {
  const size = WINDOW_SIZES[route.kind];
  return {
    title: 'Seatdesk',
    width: bounds?.width ?? size.width,
    height: bounds?.height ?? size.height,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    minWidth: size.minWidth,
    minHeight: size.minHeight,
    // shown on 'ready-to-show' so the user never sees an empty frame
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences: securePreferences(preloadPath),
  };
}
