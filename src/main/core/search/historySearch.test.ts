import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistorySearchArgsSchema, type HistorySearchArgs } from '../../../shared/domain/workstation';
import { HistorySearch, WITH_FILES } from './historySearch';
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
