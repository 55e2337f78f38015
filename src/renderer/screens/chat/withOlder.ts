import type { MessageView } from '../../../shared/domain/workstation';

/**
 * The latest page read again, keeping the older messages the user had scrolled back to: those
 * before the page's first message stay, the page replaces the rest (its rows may have changed
 * delivery state, and an optimistic row may have become the server's).
 */
export function withOlder(current: readonly MessageView[], latest: MessageView[]): MessageView[] {
  const first = latest[0];
  if (!first) return latest;
  const at = current.findIndex((m) => m.id === first.id);
  return at > 0 ? [...current.slice(0, at), ...latest] : latest;
}
