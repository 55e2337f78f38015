import { windowQuery, type WindowRoute } from '../../shared/windows';

/**
 * The address of another window of this app: the current page with that window's query. Relative
 * to the current page, so it works from app:// (Electron) and from any path the host serves.
 */
export function windowUrl(route: WindowRoute, currentHref: string): string {
  return new URL(windowQuery(route), currentHref).href;
}
