import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import { HistorySearchArgsSchema, type HistorySearchArgs } from '../../../shared/domain/workstation';
import { conversationEntry } from '../../../shared/evidence/testing';
import { ChangeSet } from '../cache/changeSet';
import { RowWriter } from '../cache/rowWriter';
import { WITH_FILES } from './historyFilters';
import { HistorySearch } from './historySearch';
import { DAY, historyCache, PHONE, T0 } from './historyTesting';

let cache: { db: Database.Database; close(): void };
let history: HistorySearch;

const search = (args: HistorySearchArgs) => history.search(HistorySearchArgsSchema.parse(args));
const conversations = (args: HistorySearchArgs) => [...new Set(search(args).hits.map((hit) => hit.conversationId))].sort();

beforeEach(() => {
  cache = historyCache();
  history = new HistorySearch(cache.db, () => T0 + 10 * DAY);
});
afterEach(() => cache.close());

describe('HistorySearch over a cache file', () => {
  it('finds a 2-character Chinese word and masks the phone number the customer wrote in the snippet', () => {
    const hits = search({ query: '退款' }).hits.filter((hit) => hit.kind === 'message');
    expect(hits.map((hit) => hit.messageId).sort()).toEqual(['e-1', 'o-1', 'r-2', 'r-4', 'r-5']);
    const phone = hits.find((hit) => hit.messageId === 'r-2')!;
    expect(phone.snippet).not.toContain(PHONE);
    expect(phone.snippet).toContain('138****5678');
    expect(phone.snippet.slice(phone.ranges[0]!.start, phone.ranges[0]!.end)).toBe('退款');
    expect(phone).toMatchObject({ customerId: 'cust-1', customerName: '王小明', channel: 'chat' });
  });

  it('narrows by order id and by shop, an escalated chat still counting for its shop', () => {
    expect(conversations({ query: '退款', orderId: 'DD1001' })).toEqual(['c-refund']);
    expect(conversations({ query: '退款', shopId: 'shop-a' })).toEqual(['c-escalated', 'c-refund']);
    expect(conversations({ query: '', shopId: 'shop-a', queueId: 'queue-p' })).toEqual(['c-escalated']);
  });

  it('narrows by attachment: an empty attachment list is no file', () => {
    expect(conversations({ query: '退款', hasAttachment: true })).toEqual(['c-refund']);
    expect(conversations({ query: '退款', hasAttachment: false })).toEqual(['c-escalated', 'c-other']);
    expect(conversations({ query: '', hasAttachment: true })).toEqual(['c-refund']);
  });

  it('reads the "has a file" set from the partial index of messages with files, not from every message', () => {
    const plan = cache.db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN SELECT c.id FROM conversations c WHERE ${WITH_FILES}`).all();
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX messages_with_files/);
  });

  it('narrows by QC flag: a dismissed flag does not count', () => {
    expect(conversations({ query: '退款', qcFlagged: true })).toEqual(['c-escalated']);
    expect(conversations({ query: '', qcFlagged: false })).toEqual(['c-other', 'c-refund']);
  });

  it('combines filters with the channel and date range', () => {
    expect(conversations({ query: 'refund', channel: 'dm' })).toEqual(['c-other']);
    expect(conversations({ query: '退款', from: T0 + 2 * DAY, to: T0 + 3 * DAY - 1 })).toEqual(['c-escalated']);
  });

  it('rejects a malformed filter naming the field', () => {
    const result = HistorySearchArgsSchema.safeParse({ query: '', hasAttachment: 'yes' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['hasAttachment']);
  });
});

/** `count` newer conversations of another customer, agent and queue, each with ten messages saying 退款. */
function busyQueue(db: Database.Database, count: number): void {
  const rows: SyncRow[] = [];
  for (let c = 0; c < count; c += 1) {
    const id = `busy-${c}`;
    const at = T0 + 5 * DAY + c * 1000;
    const data = { ...conversationEntry.conversation, id, customerId: 'cust-2', queueId: 'queue-z', shopId: null, orderId: null, assigneeId: 'u-busy', createdAt: at };
    rows.push({ entity: 'conversations', id, seq: 1000 + rows.length, deleted: false, data });
    for (let m = 0; m < 10; m += 1) {
      const message = { id: `${id}-${m}`, conversationId: id, senderKind: 'customer', senderId: null, kind: 'text', body: `第${m}次说退款`, event: null, articleId: null, createdAt: at + m };
      rows.push({ entity: 'messages', id: message.id, seq: 1000 + rows.length, deleted: false, data: message });
    }
  }
  db.transaction(() => new RowWriter(db).apply(rows, new ChangeSet()))();
}

describe('HistorySearch behind many newer matches', () => {
  beforeEach(() => busyQueue(cache.db, 1_100));

  it('still finds the old matches a filter keeps, starting from the conversations of a narrow filter or from the text', () => {
    // 11,000 newer messages say 退款: more than any window of newest matches.
    expect(conversations({ query: '退款', customerId: 'cust-1' })).toEqual(['c-escalated', 'c-refund']);
    expect(conversations({ query: '退款', agentId: 'u-ma' })).toEqual(['c-refund']);
    expect(conversations({ query: '退款', queueId: 'queue-a' })).toEqual(['c-refund']);
    expect(conversations({ query: '退款', customerId: 'cust-1', from: T0 + 2 * DAY })).toEqual(['c-escalated']);
    expect(conversations({ query: '退款', from: T0, to: T0 + 2 * DAY - 1 })).toEqual(['c-refund']);
    expect(conversations({ query: '退款', customerId: 'nobody' })).toEqual([]);
    expect(conversations({ query: '退款', from: T0 + 30 * DAY })).toEqual([]);
  });

  it('ranks the newest matches without a filter, as many as asked for, each with its snippet marked', () => {
    const all = search({ query: '退款', limit: 20 }).hits;
    expect(all).toHaveLength(20);
    // The ticket titled 退款凭证 comes first as its conversation; the messages are the busy queue's newest.
    const hits = all.filter((hit) => hit.kind === 'message');
    expect(new Set(hits.map((hit) => hit.conversationId.slice(0, 5)))).toEqual(new Set(['busy-']));
    for (const hit of hits) expect(hit.snippet.slice(hit.ranges[0]!.start, hit.ranges[0]!.end)).toBe('退款');
  });
});
