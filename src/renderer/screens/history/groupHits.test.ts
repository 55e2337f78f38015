import { describe, expect, it } from 'vitest';
import type { HistoryHit } from '../../../shared/domain/workstation';
import { groupHits } from './groupHits';

const hit = (conversationId: string, messageId: string | null): HistoryHit => ({
  kind: messageId ? 'message' : 'conversation', conversationId, messageId, snippet: '', ranges: [], createdAt: 0,
  customerId: 'cust', customerName: null, queueId: 'q', channel: 'chat', status: 'resolved',
});

describe('groupHits', () => {
  it('groups hits under their conversation where its best hit ranked, and numbers them in reading order', () => {
    const { rows, hits } = groupHits([hit('a', 'a1'), hit('b', 'b1'), hit('a', 'a2'), hit('c', null)]);
    expect(rows.map((row) => (row.type === 'conversation' ? `[${row.hit.conversationId}×${row.count}]` : `${row.hit.messageId ?? '·'}#${row.index}`))).toEqual([
      '[a×2]', 'a1#0', 'a2#1', '[b×1]', 'b1#2', '[c×1]', '·#3',
    ]);
    expect(hits.map((h) => h.messageId)).toEqual(['a1', 'a2', 'b1', null]);
  });

  it('is empty for no hits', () => {
    expect(groupHits([])).toEqual({ rows: [], hits: [] });
  });
});
