import type { HistoryHit } from '../../../shared/domain/workstation';

/** A line of the result list: a conversation's header, or one hit under it. */
export type ResultRow =
  | { type: 'conversation'; hit: HistoryHit; count: number }
  | { type: 'hit'; hit: HistoryHit; index: number };

/**
 * The hits grouped by conversation, each group where its best hit ranked, hits in rank order
 * within it. `hits` comes back in the list's order, so the keyboard walks what the eye reads.
 * A conversation-level hit (customer name, order id, no query) is the header's own line.
 */
export function groupHits(ranked: readonly HistoryHit[]): { rows: ResultRow[]; hits: HistoryHit[] } {
  const groups = new Map<string, HistoryHit[]>();
  for (const hit of ranked) {
    const group = groups.get(hit.conversationId);
    if (group) group.push(hit);
    else groups.set(hit.conversationId, [hit]);
  }
  const rows: ResultRow[] = [];
  const hits: HistoryHit[] = [];
  for (const group of groups.values()) {
    rows.push({ type: 'conversation', hit: group[0]!, count: group.length });
    for (const hit of group) {
      rows.push({ type: 'hit', hit, index: hits.length });
      hits.push(hit);
    }
  }
  return { rows, hits };
}
