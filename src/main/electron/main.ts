import { DEFAULT_SERVER_URL } from '../../shared/domain/settings';
/*
 * The Electron main process (bundled to dist/main/electron.cjs). It only wires things
 * together: the app:// renderer, the embedded demo server, the core with its Electron-backed
 * stores, the IPC transport, windows and tray. All behaviour lives in the core.
 */
import path from 'node:path';
import { app, dialog, session } from 'electron';
import { spawnCore, type CoreHandle } from '../core/process/spawnCore';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { forkElectronCore } from './coreProcess';
import { startEmbeddedServer } from './embeddedServer';
import type { RunningServer } from '../../server/app';
import { startIpcTransport, type IpcTransport } from './ipcTransport';
import { log } from './log';
import { preloadPath, rendererDir, resourcePath } from './paths';
import { createSecretStore } from './secretStore';
import { hardenSession, installWebContentsGuard } from './security';
import { createSettingsStore, createWindowStateStore } from './settingsStore';
import { createAppTray, type AppTray } from './tray';
import { watchUnread } from './unreadBadge';
import { createWindowManager, type WindowManager } from './windowManager';
import { startWindowPin } from './windowPin';

const APP_USER_MODEL_ID = 'com.seatdesk.app';
// Quitting waits this long at most for the core and the server to flush and close.
const SHUTDOWN_TIMEOUT_MS = 5000;
const WORKSTATION = { kind: 'workstation' } as const;

interface Shell {
  core: CoreHandle;
  server: RunningServer | null;
  windows: WindowManager;
  transport: IpcTransport;
  pin: { dispose(): void };
  tray: AppTray;
  stopUnread: () => void;
}

let shell: Shell | null = null;
let quitting: 'no' | 'closing' | 'done' = 'no';

async function startShell(): Promise<Shell> {
  // Windows shows notifications and groups taskbar buttons by this id (the installer's appId)
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  installWebContentsGuard(log);
  hardenSession(session.defaultSession, log);
  serveRenderer(rendererDir(), log);

  const userData = app.getPath('userData');
  const { secrets, cacheKeyCustody } = createSecretStore(log);
  const server = await startEmbeddedServer(userData, log);
  // The core runs in a utility process, so SQLite work never holds up this thread's window IPC;
  // the stores stay here (safeStorage needs the main process) and get the core's writes.
  const core = spawnCore({
    options: {
      dataDir: path.join(userData, 'core'),
      shell: 'electron',
      cacheKeyCustody,
      embeddedServerUrl: server?.url ?? null,
      defaultServerUrl: process.env.SEATDESK_SERVER_URL?.trim() || server?.url || DEFAULT_SERVER_URL,
      version: app.getVersion(),
    },
    settings: createSettingsStore(),
    secrets,
    fork: forkElectronCore,
    log,
    closeTimeoutMs: SHUTDOWN_TIMEOUT_MS,
  });
  const windows = createWindowManager({ preloadPath: preloadPath(), state: createWindowStateStore(), log });
  const transport = startIpcTransport({ core, windows, log });
  const pin = startWindowPin({ windows, log });
  const tray = createAppTray({
    iconPath: resourcePath('tray.png'),
    badgePath: resourcePath('badge.png'),
    onOpenWorkstation: () => windows.open(WORKSTATION),
    onQuit: () => app.quit(),
    workstation: () => windows.get('workstation'),
  });
  const stopUnread = watchUnread(core, tray);
  windows.open(WORKSTATION);
  return { core, server, windows, transport, pin, tray, stopUnread };
}

function withTimeout(work: Promise<unknown>, what: string): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      log.warn(`${what} did not finish within ${SHUTDOWN_TIMEOUT_MS} ms; quitting anyway`);
      resolve(undefined);
    }, SHUTDOWN_TIMEOUT_MS);
  });
  return Promise.race([work.catch((error: unknown) => log.error(`${what} failed`, error)), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

async function stopShell(running: Shell): Promise<void> {
  running.transport.dispose();
  running.pin.dispose();
  running.stopUnread();
  running.tray.destroy();
  // waits up to SHUTDOWN_TIMEOUT_MS for the core process to flush and close, then ends it
  await running.core.close();
  if (running.server) await withTimeout(running.server.close(), 'closing the embedded server');
}

function fail(error: unknown): void {
  log.error('Seatdesk could not start', error);
  dialog.showErrorBox('Seatdesk could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // another Seatdesk is running for this user; it gets our 'second-instance' and focuses itself
  app.quit();
} else {
  app.on('second-instance', () => shell?.windows.open(WORKSTATION));
  // macOS: clicking the dock icon with no window open brings the workstation back
  app.on('activate', () => shell?.windows.open(WORKSTATION));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting === 'done' || !shell) return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    void stopShell(shell).finally(() => {
      quitting = 'done';
      app.quit();
    });
  });

  app
    .whenReady()
    .then(startShell)
    .then((started) => {
      shell = started;
    })
    .catch(fail);
}
