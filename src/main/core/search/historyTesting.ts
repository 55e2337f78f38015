import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncRow } from '../../../shared/api/sync';
import type { Conversation, Message } from '../../../shared/domain/conversations';
import { conversationEntry } from '../../../shared/evidence/testing';
import { ChangeSet } from '../cache/changeSet';
import { openCache } from '../cache/openCache';
import { RowWriter } from '../cache/rowWriter';

/*
 * A small history in a real cache file, written through the sync row writer as a pull would:
 * customer 王小明 (cust-1) with a shop chat that went through the bot, a transfer, a note and a
 * file (c-refund, order DD1001, ticket t-1), the same shop's chat escalated to the platform
 * (c-escalated, QC flag open), a ticket with no chat (t-2); customer Bob (cust-2) with a platform
 * chat whose only QC flag was dismissed (c-other).
 */

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 10, 1);
export const PHONE = '13812345678';

type Row = Omit<SyncRow, 'seq' | 'deleted'>;

const conversation = (id: string, over: Partial<Conversation>): Row => ({
  entity: 'conversations',
  id,
  data: { ...conversationEntry.conversation, id, resolvedAt: null, ...over },
});

const message = (id: string, conversationId: string, at: number, over: Partial<Message>): Row => ({
  entity: 'messages',
  id,
  data: { id, conversationId, senderKind: 'customer', senderId: null, kind: 'text', body: '', event: null, articleId: null, createdAt: at, ...over },
});

const flag = (id: string, conversationId: string, messageId: string, status: string): Row => ({
  entity: 'qc_flags',
  id,
  data: { id, conversationId, messageId, ruleId: 'customer.complaint', side: 'customer', severity: 'warn', agentId: null, excerpt: '投诉', status, reviewedBy: null, reviewedAt: null, createdAt: T0 },
});

const ticket = (id: string, conversationId: string | null, at: number, title: string): Row => ({
  entity: 'tickets',
  id,
  data: {
    id, conversationId, customerId: 'cust-1', shopId: 'shop-a', orderId: null, departmentTeamId: 'team-a', title, description: '', category: 'refund',
    priority: 'normal', status: 'processing', assigneeId: null, creatorId: 'u-ma', dueAt: null, createdAt: at, updatedAt: at, resolvedAt: null, closedAt: null,
  },
});

const ROWS: Row[] = [
  { entity: 'shops', id: 'shop-a', data: { id: 'shop-a', name: 'Shop A' } },
  { entity: 'queues', id: 'queue-a', data: { id: 'queue-a', name: '店铺A售后', kind: 'merchant', shopId: 'shop-a', teamIds: [], botFirst: true, channels: ['chat'], hours: '24x7', maxConcurrent: null } },
  { entity: 'queues', id: 'queue-p', data: { id: 'queue-p', name: '平台客服', kind: 'platform', shopId: null, teamIds: [], botFirst: true, channels: ['chat'], hours: '24x7', maxConcurrent: null } },
  { entity: 'customers', id: 'cust-1', data: { ...conversationEntry.customer!, id: 'cust-1', name: '王小明' } },
  { entity: 'customers', id: 'cust-2', data: { ...conversationEntry.customer!, id: 'cust-2', name: 'Bob' } },
  conversation('c-refund', { customerId: 'cust-1', queueId: 'queue-a', shopId: 'shop-a', orderId: 'DD1001', assigneeId: 'u-ma', status: 'resolved', createdAt: T0 + DAY }),
  // Sent out of order on purpose: the transcript orders by time, not by arrival.
  message('r-4', 'c-refund', T0 + DAY + 4000, { senderKind: 'agent', senderId: 'u-ma', kind: 'note', body: '核实订单后再退款' }),
  message('r-1', 'c-refund', T0 + DAY + 1000, { senderKind: 'bot', body: '您好，我是智能助手' }),
  message('r-2', 'c-refund', T0 + DAY + 2000, { body: `我要退款，电话 ${PHONE}` }),
  message('r-3', 'c-refund', T0 + DAY + 3000, {
    senderKind: 'system', kind: 'event', body: 'transferred',
    event: { type: 'transferred', byAgentId: 'u-bot', fromAgentId: null, toAgentId: 'u-ma', fromQueueId: 'queue-a', toQueueId: 'queue-a' },
  }),
  message('r-5', 'c-refund', T0 + DAY + 5000, { senderKind: 'agent', senderId: 'u-ma', body: '已经退款，凭证见附件', attachments: [{ id: 'att-1', name: 'receipt.png', mime: 'image/png', size: 10 }] }),
  conversation('c-escalated', { customerId: 'cust-1', queueId: 'queue-p', shopId: 'shop-a', orderId: 'DD1002', assigneeId: 'u-pl', status: 'closed', createdAt: T0 + 2 * DAY }),
  message('e-1', 'c-escalated', T0 + 2 * DAY + 1000, { body: '退款还没到账，我要投诉', attachments: [] }),
  flag('q-1', 'c-escalated', 'e-1', 'open'),
  conversation('c-other', { customerId: 'cust-2', queueId: 'queue-p', shopId: null, orderId: null, assigneeId: 'u-pl', channel: 'dm', status: 'assigned', createdAt: T0 + 3 * DAY }),
  message('o-1', 'c-other', T0 + 3 * DAY + 1000, { body: 'refund please 退款' }),
  flag('q-2', 'c-other', 'o-1', 'dismissed'),
  ticket('t-1', 'c-refund', T0 + DAY + 6000, '退款凭证'),
  ticket('t-2', null, T0 + 4 * DAY, '发票补开'),
  { entity: 'ticket_events', id: 'te-2', data: { id: 'te-2', ticketId: 't-1', kind: 'status', actorId: 'u-ma', body: '', change: { type: 'status', from: 'pending', to: 'processing' }, createdAt: T0 + DAY + 8000 } },
  { entity: 'ticket_events', id: 'te-1', data: { id: 'te-1', ticketId: 't-1', kind: 'created', actorId: 'u-ma', body: '', change: null, createdAt: T0 + DAY + 7000 } },
];

/** Opens a new cache file holding the history above; `close` removes it. */
export function historyCache(): { db: Database.Database; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-history-'));
  const db = openCache(join(dir, 'cache.sqlite'));
  new RowWriter(db).apply(
    ROWS.map((row, i) => ({ ...row, seq: i + 1, deleted: false }) as SyncRow),
    new ChangeSet(),
  );
  return {
    db,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
