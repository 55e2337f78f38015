import { describe, expect, it } from 'vitest';
import { item } from './testing/fixtures';
import { compareWaiting, insertSorted, type WaitingEntry } from './waitingOrder';

const entry = (id: string, enqueuedAt: number, seq: number, extra: { priority?: number; atHead?: boolean } = {}): WaitingEntry => ({
  item: item(id, 'q', enqueuedAt, extra.priority === undefined ? {} : { priority: extra.priority }),
  atHead: extra.atHead ?? false,
  seq,
});

describe('waiting order', () => {
  it('serves earlier enqueue times first, then arrival order', () => {
    const list: WaitingEntry[] = [];
    insertSorted(list, entry('late', 200, 0));
    insertSorted(list, entry('early', 100, 1));
    insertSorted(list, entry('same-time-second', 200, 2));
    expect(list.map((e) => e.item.conversationId)).toEqual(['early', 'late', 'same-time-second']);
  });

  it('serves higher priority (VIP) before older normal chats', () => {
    const list: WaitingEntry[] = [];
    insertSorted(list, entry('old', 100, 0));
    insertSorted(list, entry('vip', 900, 1, { priority: 1 }));
    insertSorted(list, entry('vip-older', 500, 2, { priority: 1 }));
    expect(list.map((e) => e.item.conversationId)).toEqual(['vip-older', 'vip', 'old']);
  });

  it('serves head-of-line requeues before everything, VIP included', () => {
    const list: WaitingEntry[] = [];
    insertSorted(list, entry('vip', 100, 0, { priority: 5 }));
    insertSorted(list, entry('requeued', 900, 1, { atHead: true }));
    expect(list.map((e) => e.item.conversationId)).toEqual(['requeued', 'vip']);
  });

  it('is a total order consistent with itself', () => {
    const a = entry('a', 100, 0);
    const b = entry('b', 100, 1);
    expect(compareWaiting(a, b)).toBeLessThan(0);
    expect(compareWaiting(b, a)).toBeGreaterThan(0);
    expect(compareWaiting(a, a)).toBe(0);
  });
});
