import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryReads } from './historyReads';
import { MessageReads } from './messageReads';
import { TicketReads } from '../tickets/ticketReads';
import { historyCache } from '../search/historyTesting';

let cache: { db: Database.Database; close(): void };
let reads: HistoryReads;

beforeEach(() => {
  cache = historyCache();
  reads = new HistoryReads(cache.db, new MessageReads(cache.db), new TicketReads(cache.db, 'u-ma'));
});
afterEach(() => cache.close());

describe('HistoryReads.transcript', () => {
  it('holds every kind of message in time order, the shop as counterpart and the linked ticket with its timeline', () => {
    const { entry, messages, truncated } = reads.transcript('c-refund');
    expect(messages.map((m) => [m.id, m.senderKind, m.kind])).toEqual([
      ['r-1', 'bot', 'text'],
      ['r-2', 'customer', 'text'],
      ['r-3', 'system', 'event'],
      ['r-4', 'agent', 'note'],
      ['r-5', 'agent', 'text'],
    ]);
    expect(messages.at(-1)!.attachments).toEqual([{ id: 'att-1', name: 'receipt.png', mime: 'image/png', size: 10 }]);
    expect(truncated).toBe(false);
    expect(entry.counterpart).toEqual({ kind: 'shop', shopId: 'shop-a', shopName: 'Shop A' });
    expect(entry.queueName).toBe('店铺A售后');
    expect(entry.tickets.map((t) => [t.ticket.id, t.events.map((e) => e.id)])).toEqual([['t-1', ['te-1', 'te-2']]]);
  });

  it('names the platform as counterpart once a shop chat is escalated to a platform queue', () => {
    expect(reads.transcript('c-escalated').entry.counterpart).toEqual({ kind: 'platform' });
  });

  it('answers a conversation the cache does not hold with a typed not_found', () => {
    expect(() => reads.transcript('c-nowhere')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('HistoryReads.timeline', () => {
  it("lists the customer's conversations and tickets newest first, and no one else's", () => {
    const { customer, items } = reads.timeline('cust-1');
    expect(customer?.name).toBe('王小明');
    expect(items.map((item) => (item.kind === 'ticket' ? item.ticket.id : item.conversation.id))).toEqual(['t-2', 'c-escalated', 't-1', 'c-refund']);
    const t1 = items.find((item) => item.kind === 'ticket' && item.ticket.id === 't-1');
    expect(t1?.kind === 'ticket' && t1.events.map((e) => e.id)).toEqual(['te-1', 'te-2']);
  });

  it('is empty for a customer with nothing cached', () => {
    expect(reads.timeline('cust-none')).toEqual({ customer: null, items: [] });
  });
});
