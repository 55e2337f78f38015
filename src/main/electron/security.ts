import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './appUrls';
import { urlForLog, type Log } from './log';

// Everything else (camera, microphone, geolocation, clipboard-read, HID, USB, …) is refused:
// an agent workstation needs none of it, and a compromised page must not get it either.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

function mayUse(permission: string, url: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(url);
}

/** Deny-by-default permissions for a session; only our own pages may show notifications. */
export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = mayUse(permission, details.requestingUrl ?? contents.getURL());
    if (!allowed) log.warn(`denied permission '${permission}' to ${urlForLog(details.requestingUrl)}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => mayUse(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

const locked = new WeakSet<WebContents>();

/**
 * Pins a webContents to the page it was given: no navigation or redirect elsewhere, no
 * <webview>, no popups. The window manager later replaces the popup handler of its own
 * windows with one that routes app links and opens safe external links in the browser.
 */
export function lockNavigation(contents: WebContents, log: Log): void {
  if (locked.has(contents)) return;
  locked.add(contents);
  const stayOnPage = (event: { url: string; preventDefault(): void }) => {
    if (event.url === contents.getURL()) return;
    event.preventDefault();
    log.warn(`blocked navigation to ${urlForLog(event.url)}`);
  };
  contents.on('will-navigate', stayOnPage);
  contents.on('will-redirect', stayOnPage);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`blocked a window.open of ${urlForLog(url)}`);
    return { action: 'deny' };
  });
}

/**
 * Applies the lock to every webContents the app ever creates, including ones we did not
 * create ourselves, so no code path can end up with an unlocked page.
 */
export function installWebContentsGuard(log: Log): void {
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, log));
}
