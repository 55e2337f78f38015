import type { MessageView } from '../../../shared/domain/workstation';
import { sameJson } from '../../state/sameJson';

/**
 * The latest page read again, keeping the older messages the user had scrolled back to: those
 * before the page's first message stay, the page replaces the rest (its rows may have changed
 * delivery state, and an optimistic row may have become the server's). A row that did not change
 * keeps its object, so the thread does not render it again.
 */
export function withOlder(current: readonly MessageView[], latest: MessageView[]): MessageView[] {
  const first = latest[0];
  if (!first) return latest;
  const at = current.findIndex((m) => m.id === first.id);
  if (at < 0) return latest;
  const held = new Map(current.slice(at).map((m) => [m.id, m]));
  const page = latest.map((m) => {
    const was = held.get(m.id);
    return was && sameJson(was, m) ? was : m;
  });
  return at > 0 ? [...current.slice(0, at), ...page] : page;
}
