import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import { ChangeSet } from '../cache/changeSet';
import { RowWriter } from '../cache/rowWriter';
import { useTempCache } from '../cache/tempCache';
import { TicketReads } from './ticketReads';

// A ticket's timeline read from a real cache file.

const T = Date.UTC(2026, 10, 23, 9);
const cache = useTempCache('seatdesk-ticket-reads-');

const ticket: SyncRow = {
  entity: 'tickets', id: 't-1', seq: 1, deleted: false,
  data: { id: 't-1', conversationId: 'c-1', customerId: 'k-1', title: '退款', category: '退款', departmentTeamId: 'team-x', assigneeId: null, status: 'closed', priority: 'normal', createdBy: 'u-1', createdAt: T, updatedAt: T + 2 },
};
const event = (id: string, seq: number, createdAt: number, to: string | null): SyncRow => ({
  entity: 'ticket_events', id, seq, deleted: false,
  data: { id, ticketId: 't-1', kind: to ? 'status' : 'created', actorId: 'u-1', body: '', change: to ? { type: 'status', from: 'x', to } : null, createdAt },
});

describe('a ticket timeline', () => {
  it('keeps the server’s order for steps made in the same millisecond, whatever their ids', () => {
    // resolved then closed in one millisecond; the closing step happens to have the smaller id
    new RowWriter(cache.db).apply([ticket, event('e-9', 2, T, null), event('e-5', 3, T + 2, 'resolved'), event('e-1', 4, T + 2, 'closed')], new ChangeSet());
    const { events } = new TicketReads(cache.db, 'u-1').ticket('t-1');
    expect(events.map((e) => (e.change?.type === 'status' ? e.change.to : e.kind))).toEqual(['created', 'resolved', 'closed']);
  });
});
