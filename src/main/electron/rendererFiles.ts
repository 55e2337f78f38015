import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './appUrls';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface RendererFile {
  path: string;
  contentType: string;
}

/**
 * Maps an app:// request URL to a file inside the renderer folder, or null. Only files of a
 * known type, only below `rootDir`: encoded slashes, backslashes, NUL bytes and `..` that
 * would climb out are refused, whatever the URL parser made of them first.
 */
export function resolveRendererFile(rootDir: string, url: string): RendererFile | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  const segments = pathname.split('/').filter((segment) => segment !== '');
  // ':' would let a Windows drive letter (`C:`) restart the path outside the root
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;

  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;

  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  return contentType ? { path: file, contentType } : null;
}
