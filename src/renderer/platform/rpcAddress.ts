import type { WindowKind } from '../../shared/windows';

/** Used when the page was not served by the browser host (e.g. the Vite dev server). */
export const DEFAULT_RPC_PATH = '/rpc';

/**
 * The RPC path the browser host wrote into `<meta name="seatdesk-rpc">` (e.g. `/rpc?secret=…`).
 * Only a same-origin absolute path is accepted: the page must never be pointed at another host.
 */
export function readRpcPath(doc: Pick<Document, 'querySelector'>): string {
  const content = doc.querySelector('meta[name="seatdesk-rpc"]')?.getAttribute('content')?.trim() ?? '';
  return content.startsWith('/') && !content.startsWith('//') ? content : DEFAULT_RPC_PATH;
}

/**
 * The WebSocket address of the core for this window. The window says only its kind; the host
 * assigns its id. The host's path is kept byte for byte (its secret is not re-encoded).
 */
export function rpcSocketUrl(location: Pick<Location, 'protocol' | 'host'>, rpcPath: string, kind: WindowKind): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const separator = rpcPath.includes('?') ? '&' : '?';
  return `${scheme}://${location.host}${rpcPath}${separator}window=${encodeURIComponent(kind)}`;
}
