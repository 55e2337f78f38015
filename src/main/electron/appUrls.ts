import { parseWindowRoute, windowQuery, type WindowRoute } from '../../shared/windows';

/**
 * The app's own origin. Windows load the renderer from `app://seatdesk/` (a privileged standard
 * scheme served by the shell) rather than file://, so the renderer gets a real origin for CSP
 * and permission checks, and no other local file is reachable from it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'seatdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

// Long enough for any route we build; anything longer is not ours.
const MAX_URL_CHARS = 2048;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > MAX_URL_CHARS) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The URL a window of this route loads. */
export function appUrlFor(route: WindowRoute): string {
  return `${APP_ENTRY}${windowQuery(route)}`;
}

/** True for any URL (or origin) on our own `app://seatdesk` origin, and nothing that only looks like it. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The window route an app URL asks for, or null when the URL is not one of our window URLs.
 * A `window` parameter that does not survive parsing (unknown kind, bad conversation id) makes
 * the whole URL null rather than silently opening the workstation in its place.
 */
export function routeFromAppUrl(url: unknown): WindowRoute | null {
  if (!isAppUrl(url)) return null;
  const parsed = new URL(url as string);
  if (parsed.pathname !== '/index.html' && parsed.pathname !== '/') return null;
  const route = parseWindowRoute(parsed.search);
  const asked = parsed.searchParams.get('window');
  if (asked !== null && asked !== route.kind) return null;
  return route;
}

/**
 * Whether a link may be handed to the operating system's browser: plain http(s) only, with a
 * host and without embedded credentials (which phishing links use to disguise the real host).
 */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
