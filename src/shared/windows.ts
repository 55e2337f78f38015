/**
 * Window kinds and their URLs. One renderer bundle serves every window; the kind and its
 * parameters travel in the query string, e.g. `index.html?window=chat&conversation=c_123`.
 */
export const WINDOW_KINDS = ['workstation', 'chat', 'monitor', 'history', 'settings'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export type WindowRoute =
  | { kind: 'workstation' }
  | { kind: 'chat'; conversationId: string }
  | { kind: 'monitor' }
  | { kind: 'history' }
  | { kind: 'settings' };

const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads a route from a query string; anything unknown or malformed falls back to the workstation. */
export function parseWindowRoute(search: string): WindowRoute {
  const params = new URLSearchParams(search);
  const kind = params.get('window');
  switch (kind) {
    case 'chat': {
      const conversationId = params.get('conversation') ?? '';
      return CONVERSATION_ID.test(conversationId) ? { kind: 'chat', conversationId } : { kind: 'workstation' };
    }
    case 'monitor':
    case 'history':
    case 'settings':
      return { kind };
    default:
      return { kind: 'workstation' };
  }
}

export function windowQuery(route: WindowRoute): string {
  const params = new URLSearchParams({ window: route.kind });
  if (route.kind === 'chat') params.set('conversation', route.conversationId);
  return `?${params.toString()}`;
}

/** A stable key per window: one window per key (a second open focuses the first). */
export function windowKey(route: WindowRoute): string {
  return route.kind === 'chat' ? `chat:${route.conversationId}` : route.kind;
}
