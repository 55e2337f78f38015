// The order waiting conversations are served in, shared by the router and its snapshot.
import type { WaitingItem } from './types';

export interface WaitingEntry {
  item: WaitingItem;
  /** Requeued at the head of the line (a disconnected agent's released chat): served before everything else. */
  atHead: boolean;
  /** Arrival order inside the router: the last tie-break, so equal enqueue times stay first-come first-served. */
  seq: number;
}

/**
 * Head-of-line requeues first, then higher priority (VIP), then the earliest enqueue time, then
 * arrival order. Every queue is FIFO under this order, and across queues the oldest goes first.
 */
export function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  if (a.atHead !== b.atHead) return a.atHead ? -1 : 1;
  const priority = (b.item.priority ?? 0) - (a.item.priority ?? 0);
  if (priority !== 0) return priority;
  if (a.item.enqueuedAt !== b.item.enqueuedAt) return a.item.enqueuedAt - b.item.enqueuedAt;
  return a.seq - b.seq;
}

/** Inserts into an array kept sorted by compareWaiting (binary search; equal keys keep arrival order). */
export function insertSorted(list: WaitingEntry[], entry: WaitingEntry): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareWaiting(list[middle]!, entry) <= 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, entry);
}
