import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import type { Conversation } from '../../../shared/domain/conversations';
import { conversationEntry } from '../../../shared/evidence/testing';
import { ChangeSet } from '../cache/changeSet';
import { RowWriter } from '../cache/rowWriter';
import { useTempCache } from '../cache/tempCache';
import { ConversationReads } from './conversationReads';

const NOW = Date.UTC(2026, 10, 23, 12);
const cache = useTempCache('seatdesk-conversation-reads-');

const row = (seq: number, id: string, over: Partial<Conversation>): SyncRow =>
  ({ entity: 'conversations', id, seq, deleted: false, data: { ...conversationEntry.conversation, id, assigneeId: 'u-ma', resolvedAt: null, ...over } }) as SyncRow;

beforeEach(() => {
  // 600 resolved today (more than a summary read may take at once), two active chats, one of another agent.
  const resolved = Array.from({ length: 600 }, (_, i) => row(i + 1, `r-${i}`, { status: 'resolved', resolvedAt: NOW - i * 1000 }));
  new RowWriter(cache.db).apply(
    [
      ...resolved,
      row(601, 'a-old', { status: 'assigned', createdAt: NOW - 5000 }),
      row(602, 'a-new', { status: 'waiting_customer', createdAt: NOW - 1000 }),
      row(603, 'other', { status: 'assigned', assigneeId: 'u-pl' }),
    ],
    new ChangeSet(),
  );
});

describe('ConversationReads lists of any length', () => {
  it('gives every id of a list in its order, with no cap', () => {
    const reads = new ConversationReads(cache.db, 'u-ma', () => NOW);
    const resolved = reads.ids('resolved_today');
    expect(resolved).toHaveLength(600);
    expect(resolved.slice(0, 2)).toEqual(['r-0', 'r-1']);
    expect(reads.ids('mine')).toEqual(['a-new', 'a-old']);
    expect(reads.ids('waiting_customer')).toEqual(['a-new']);
    // The same order the summaries' list gives.
    expect(reads.list('resolved_today', 500).map((c) => c.id)).toEqual(resolved.slice(0, 500));
  });

  it('reads the summaries asked for in the order asked, leaving out what the cache does not hold', () => {
    const reads = new ConversationReads(cache.db, 'u-ma', () => NOW);
    expect(reads.summaries(['r-599', 'c-nowhere', 'a-new']).map((c) => [c.id, c.status])).toEqual([
      ['r-599', 'resolved'],
      ['a-new', 'waiting_customer'],
    ]);
  });

  it('leaves out a conversation deleted since the window read its ids', () => {
    const reads = new ConversationReads(cache.db, 'u-ma', () => NOW);
    expect(reads.ids('mine')).toContain('a-old');
    new RowWriter(cache.db).apply([{ ...row(604, 'a-old', { status: 'assigned' }), deleted: true }], new ChangeSet());
    expect(reads.summaries(['a-old', 'a-new']).map((c) => c.id)).toEqual(['a-new']);
  });
});
