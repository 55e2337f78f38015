import Database from 'better-sqlite3';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/api/sync';
import type { Conversation, Message } from '../../../shared/domain/conversations';
import type { SessionInfo } from '../../../shared/domain/session';
import { EvidenceBundleSchema, HistoryExportArgsSchema, sha256Hex, type HistoryExportArgs, type HistoryExportProgress } from '../../../shared/evidence';
import { ChangeSet } from '../cache/changeSet';
import { migrate } from '../cache/migrations';
import { RowWriter } from '../cache/rowWriter';
import { conversationEntry, message } from '../../../shared/evidence/testing';
import { EventHub } from '../rpc/eventHub';
import { RpcError } from '../../../shared/rpc/errors';
import { EvidenceExporter } from './evidenceExporter';

// The exporter over a real cache schema; the server's attachment download is the one faked port.
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const FILE = new TextEncoder().encode('receipt bytes');
const session: SessionInfo = { userId: 'u-ma', username: 'ma', displayName: 'Agent MA', role: 'agent', teamKind: 'merchant', serverUrl: 'http://s', expiresAt: T0 + 9 * DAY };

let db: Database.Database;
let writer: RowWriter;
let folder: string;
let progress: HistoryExportProgress[];
let exporter: EvidenceExporter;
/** what the server's audit was asked, and whether it answers (it refuses when offline) */
let audited: { conversationIds: string[]; format: string }[];
let auditAnswers: boolean;

const conversation = (id: string, day: number, shopId: string | null, queueId: string): Conversation => ({
  ...conversationEntry.conversation,
  id,
  shopId,
  queueId,
  createdAt: T0 + day * DAY,
});
let seq = 0;
const put = (rows: Omit<SyncRow, 'seq' | 'deleted'>[]) => writer.apply(rows.map((row) => ({ ...row, seq: (seq += 1), deleted: false })) as SyncRow[], new ChangeSet());
const messageRows = (conversationId: string, messages: Message[]) => messages.map((data) => ({ entity: 'messages' as const, id: data.id, data: { ...data, conversationId } }));

async function exported(args: HistoryExportArgs) {
  const result = await exporter.export(HistoryExportArgsSchema.parse(args), session, new AbortController().signal);
  return { result, bundle: EvidenceBundleSchema.parse(JSON.parse(await readFile(result.path, 'utf8'))) };
}

beforeEach(async () => {
  db = new Database(':memory:');
  migrate(db);
  writer = new RowWriter(db);
  folder = await mkdtemp(join(tmpdir(), 'seatdesk-exporter-'));
  progress = [];
  const hub = new EventHub();
  hub.subscribe('history.exportProgress', (p) => progress.push(p as HistoryExportProgress));
  const fetchAttachment = async (id: string) => (id === 'att-here' ? FILE : null);
  audited = [];
  auditAnswers = true;
  const auditUnmasked = async (conversationIds: string[], format: string) => {
    if (!auditAnswers) throw new RpcError('offline', 'cannot reach the server');
    audited.push({ conversationIds, format });
    return [{ customerId: 'cust-1', phone: '13812345678', email: 'one@example.com', address: '浙江省杭州市西湖区文三路 90 号' }];
  };
  exporter = new EvidenceExporter({ db, hub, serverUrl: 'http://s', fetchAttachment, auditUnmasked, now: () => T0 + 10 * DAY, folder: () => folder });
  put([
    { entity: 'shops', id: 'shop-a', data: { id: 'shop-a', name: 'Shop A' } },
    { entity: 'queues', id: 'queue-a', data: { id: 'queue-a', name: '店铺A售后', kind: 'merchant', shopId: 'shop-a', teamIds: [], botFirst: false, channels: ['chat'], hours: '24x7', maxConcurrent: null } },
    { entity: 'queues', id: 'queue-x', data: { id: 'queue-x', name: '平台', kind: 'platform', shopId: null, teamIds: [], botFirst: false, channels: ['chat'], hours: '24x7', maxConcurrent: null } },
    { entity: 'agents', id: 'u-ma', data: { id: 'u-ma', displayName: '小马', role: 'agent', teamIds: [], shopId: 'shop-a', maxConcurrent: 5, skills: [] } },
    { entity: 'customers', id: 'cust-1', data: conversationEntry.customer! },
  ]);
});
afterEach(async () => {
  db.close();
  await rm(folder, { recursive: true, force: true });
});

describe('EvidenceExporter', () => {
  it('exports what a filter matches, oldest first, with tickets, counterpart and attachment hashes, and no unsent reply', async () => {
    put([
      { entity: 'conversations', id: 'c-late', data: conversation('c-late', 3, 'shop-a', 'queue-a') },
      { entity: 'conversations', id: 'c-early', data: conversation('c-early', 1, 'shop-a', 'queue-a') },
      { entity: 'conversations', id: 'c-escalated', data: conversation('c-escalated', 2, 'shop-a', 'queue-x') },
      { entity: 'conversations', id: 'c-other-shop', data: conversation('c-other-shop', 2, 'shop-b', 'queue-b') },
      { entity: 'conversations', id: 'c-too-old', data: conversation('c-too-old', 0, 'shop-a', 'queue-a') },
      ...messageRows('c-early', [
        message(1, '收据在这', { id: 'e-1', attachments: [{ id: 'att-here', name: 'r.png', mime: 'image/png', size: FILE.length }] }),
        message(2, '另一张', { id: 'e-2', attachments: [{ id: 'att-gone', name: 'g.png', mime: 'image/png', size: 1 }] }),
      ]),
      { entity: 'tickets', id: 't-1', data: { id: 't-1', conversationId: 'c-early', customerId: 'cust-1', shopId: 'shop-a', orderId: null, departmentTeamId: 'team-a', title: '退款', description: '', category: 'refund', priority: 'normal', status: 'processing', assigneeId: null, creatorId: 'u-ma', dueAt: null, createdAt: T0 + DAY, updatedAt: T0 + DAY, resolvedAt: null, closedAt: null } },
      { entity: 'ticket_events', id: 'te-2', data: { id: 'te-2', ticketId: 't-1', kind: 'status', actorId: 'u-ma', body: '', change: { type: 'status', from: 'pending', to: 'processing' }, createdAt: T0 + DAY + 2 } },
      { entity: 'ticket_events', id: 'te-1', data: { id: 'te-1', ticketId: 't-1', kind: 'created', actorId: 'u-ma', body: '', change: null, createdAt: T0 + DAY + 1 } },
    ]);
    writer.writeMessage({ ...message(3, 'not sent yet', { id: 'e-3' }), conversationId: 'c-early' }, { seq: 0, deleted: false, delivery: 'pending' }, new ChangeSet());

    const { result, bundle } = await exported({ filter: { shopId: 'shop-a', from: T0 + DAY }, format: 'json', includeAttachments: true });
    expect(bundle.conversations.map((c) => c.conversation.id)).toEqual(['c-early', 'c-escalated', 'c-late']);
    expect(bundle.conversations.map((c) => c.counterpart)).toEqual([
      { kind: 'shop', shopId: 'shop-a', shopName: 'Shop A' },
      { kind: 'platform' },
      { kind: 'shop', shopId: 'shop-a', shopName: 'Shop A' },
    ]);
    expect(bundle.conversations[0]).toMatchObject({ queueName: '店铺A售后', tickets: [{ ticket: { id: 't-1' } }] });
    expect(bundle.conversations[0]!.tickets[0]!.events.map((e) => e.id)).toEqual(['te-1', 'te-2']);
    expect(bundle.messages.map((m) => m.id)).toEqual(['e-1', 'e-2']);
    expect(bundle.messages[0]!.attachments[0]!.sha256).toBe(sha256Hex(FILE));
    expect(bundle.messages[1]!.attachments[0]!.sha256).toBeNull();
    expect(Object.keys(bundle.files)).toEqual(['att-here']);
    expect(bundle.agents).toEqual([{ id: 'u-ma', displayName: '小马' }]);
    expect(bundle.header).toMatchObject({ masked: true, selection: { filter: { shopId: 'shop-a', from: T0 + DAY } }, exportedBy: { userId: 'u-ma', role: 'agent' } });
    expect(basename(result.path)).toBe('seatdesk-evidence-20261111-000000-3-conversations.json');
  });

  it('reports progress in steps while gathering a big set, and ends with done', async () => {
    put(Array.from({ length: 120 }, (_, i) => ({ entity: 'conversations' as const, id: `c-${i}`, data: conversation(`c-${i}`, 1, null, 'queue-x') })));
    await exported({ filter: { queueId: 'queue-x' }, format: 'json' });
    expect(progress.filter((p) => p.phase === 'gathering').map((p) => p.done)).toEqual([50, 100, 120]);
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 1, total: 1 });
  });

  it('never overwrites an earlier export made in the same second', async () => {
    put([{ entity: 'conversations', id: 'c-1', data: conversation('c-1', 1, null, 'queue-x') }]);
    const first = await exported({ conversationIds: ['c-1'], format: 'json' });
    const second = await exported({ conversationIds: ['c-1'], format: 'json' });
    expect(basename(second.result.path)).toBe(basename(first.result.path).replace('.json', '-2.json'));
  });

  it('has an unmasked export recorded by the server first and takes the clear contact fields from its answer; without it, writes nothing', async () => {
    put([{ entity: 'conversations', id: 'c-1', data: conversation('c-1', 1, null, 'queue-x') }]);
    const lead = { ...session, role: 'lead' as const };
    const run = () => exporter.export(HistoryExportArgsSchema.parse({ conversationIds: ['c-1'], format: 'json', unmasked: true }), lead, new AbortController().signal);
    const result = await run();
    expect(audited).toEqual([{ conversationIds: ['c-1'], format: 'json' }]);
    const bundle = EvidenceBundleSchema.parse(JSON.parse(await readFile(result.path, 'utf8')));
    expect(bundle.header.masked).toBe(false);
    expect(bundle.conversations[0]!.customer).toMatchObject({ phone: '13812345678', address: '浙江省杭州市西湖区文三路 90 号' });
    // A masked export never asks (nor needs) the server.
    await exported({ conversationIds: ['c-1'], format: 'json' });
    expect(audited).toHaveLength(1);

    auditAnswers = false;
    const files = (await readdir(folder)).length;
    await expect(run()).rejects.toMatchObject({ code: 'offline' });
    expect(await readdir(folder)).toHaveLength(files);
  });

  it('refuses an empty filter result and an over-large set with typed errors', async () => {
    await expect(exported({ filter: { queueId: 'queue-none' }, format: 'json' })).rejects.toMatchObject({ code: 'not_found' });
    put(Array.from({ length: 5001 }, (_, i) => ({ entity: 'conversations' as const, id: `c-${i}`, data: conversation(`c-${i}`, 1, null, 'queue-x') })));
    await expect(exported({ filter: { channel: 'chat' }, format: 'json' })).rejects.toMatchObject({ code: 'too_large' });
  });
});
