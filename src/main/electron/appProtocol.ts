import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './appUrls';
import type { Log } from './log';
import { resolveRendererFile } from './rendererFiles';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * Must run before the app is ready. `standard` gives app:// real origins and relative URL
 * resolution, `secure` makes it a secure context (like https), fetch is allowed for the
 * renderer's own assets. No bypassCSP: our pages obey their policy like any web page. No
 * corsEnabled: our module scripts are same-origin and need no CORS, and leaving it off keeps
 * app:// unreadable from any other origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Headers on every app:// response, errors included, so no page of ours is ever without its CSP. */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function failure(status: 404 | 405): Response {
  const text = status === 404 ? 'Not found' : 'Method not allowed';
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** Serves the built renderer folder as app://seatdesk/ (read-only, GET and HEAD). */
export function serveRenderer(rootDir: string, log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405);
    const file = resolveRendererFile(rootDir, request.url);
    if (!file) return failure(404);
    try {
      const body = await readFile(file.path);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: securityHeaders(file.contentType),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR') log.error('could not read a renderer file', error);
      return failure(404);
    }
  });
}
