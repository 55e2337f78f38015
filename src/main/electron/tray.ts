import { app, Menu, nativeImage, Tray, type BrowserWindow } from 'electron';

export interface TrayLabels {
  openWorkstation: string;
  quit: string;
  tooltip: (unread: number) => string;
}

const TRAY_LABELS: Record<'zh-CN' | 'en', TrayLabels> = {
  'zh-CN': {
    openWorkstation: '打开工作台',
    quit: '退出 Seatdesk',
    tooltip: (unread) => (unread > 0 ? `Seatdesk — ${unread} 条未读` : 'Seatdesk'),
  },
  en: {
    openWorkstation: 'Open workstation',
    quit: 'Quit Seatdesk',
    tooltip: (unread) => (unread > 0 ? `Seatdesk — ${unread} unread` : 'Seatdesk'),
  },
};

/** Labels for the system's locale (the tray exists before any window has loaded the app's language). */
export function trayLabelsFor(locale: string): TrayLabels {
  return locale.toLowerCase().startsWith('zh') ? TRAY_LABELS['zh-CN'] : TRAY_LABELS.en;
}

export interface TrayOptions {
  iconPath: string;
  /** the small red mark laid over the taskbar button on Windows */
  badgePath: string;
  onOpenWorkstation: () => void;
  onQuit: () => void;
  /** the window whose taskbar button carries the Windows overlay */
  workstation: () => BrowserWindow | undefined;
  labels?: TrayLabels;
}

export interface AppTray {
  /** Shows the unread count in the tooltip, the dock / launcher badge, or the taskbar overlay. */
  setUnread(count: number): void;
  destroy(): void;
}

export function createAppTray(options: TrayOptions): AppTray {
  const labels = options.labels ?? trayLabelsFor(app.getLocale());
  let icon = nativeImage.createFromPath(options.iconPath);
  // macOS menu-bar icons are 16pt; the 32px image would be drawn twice too large
  if (process.platform === 'darwin') icon = icon.resize({ width: 16, height: 16 });
  const badge = nativeImage.createFromPath(options.badgePath);

  const tray = new Tray(icon);
  tray.setToolTip(labels.tooltip(0));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: labels.openWorkstation, click: options.onOpenWorkstation },
      { type: 'separator' },
      { label: labels.quit, click: options.onQuit },
    ]),
  );
  // Windows users expect a left click on the tray icon to bring the app back
  if (process.platform === 'win32') tray.on('click', options.onOpenWorkstation);

  return {
    setUnread(count) {
      const unread = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
      if (tray.isDestroyed()) return;
      tray.setToolTip(labels.tooltip(unread));
      if (process.platform === 'win32') {
        const window = options.workstation();
        if (window && !window.isDestroyed()) {
          window.setOverlayIcon(unread > 0 ? badge : null, unread > 0 ? labels.tooltip(unread) : '');
        }
      } else {
        // macOS dock badge; Unity-style launchers on Linux (a no-op elsewhere)
        app.setBadgeCount(unread);
      }
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
