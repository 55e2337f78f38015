import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Conversation, Message } from '../../src/shared/domain/conversations';
import { ChangeSet } from '../../src/main/core/cache/changeSet';
import { CACHE_KEY_BYTES } from '../../src/main/core/cache/cacheKeys';
import { openCache } from '../../src/main/core/cache/openCache';
import { RowWriter } from '../../src/main/core/cache/rowWriter';
import { HistorySearch } from '../../src/main/core/search/historySearch';
import { HistorySearchArgsSchema } from '../../src/shared/domain/workstation';
import { mb, percentile, QUERIES, seeded, sentence } from './corpus';

/*
 * History search over a local cache of N messages (default 200,000; --messages 1000000 for the
 * issue's scale): fills a real cache file through the sync row writer (as a first sync would),
 * then times search.history for 1-4 character Chinese queries, English words and two-term queries
 * (wall time, and CPU time, which a machine shared with other work disturbs less), then the
 * history window's filters with a 2-character query, and with no text (this cache has no files,
 * QC flags or shops: the worst case for "yes" and for the shop, where nothing passes).
 * The cache is encrypted as in the app; --plain measures a plain one, for what encryption costs.
 * Run: node tests/bench/run.mjs historySearch --messages 200000 [--plain]
 */
const argAt = process.argv.indexOf('--messages');
const MESSAGES = argAt > 0 ? Number(process.argv[argAt + 1]) : 200_000;
const PLAIN = process.argv.includes('--plain');
const PER_CONVERSATION = 10;
const ROUNDS = 20;
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-search-'));
const db = openCache(join(dir, 'cache.sqlite'), PLAIN ? null : randomBytes(CACHE_KEY_BYTES));
console.log(`cache: ${PLAIN ? 'plain' : 'encrypted'}`);
const writer = new RowWriter(db);
const random = seeded(42);
const start = Date.UTC(2025, 0, 1);
let seq = 0;

const fillStarted = performance.now();
let batch: SyncRow[] = [];
const flush = () => {
  db.transaction(() => writer.apply(batch, new ChangeSet()))();
  batch = [];
};
for (let c = 0; c < MESSAGES / PER_CONVERSATION; c += 1) {
  const conversationId = `c-${c}`;
  const createdAt = start + c * 60_000;
  const conversation: Conversation = {
    id: conversationId, customerId: `cust-${c % 5000}`, queueId: `queue-${c % 8}`, shopId: null, channel: 'chat', status: 'resolved',
    assigneeId: `agent-${c % 50}`, orderId: null, createdAt, queuedAt: createdAt, assignedAt: createdAt, firstResponseAt: createdAt,
    lastCustomerAt: createdAt, lastAgentAt: createdAt, resolvedAt: createdAt + 600_000, closedAt: null, category: 'refund', csat: null,
    escalatedFromQueueId: null,
  } as Conversation;
  batch.push({ entity: 'conversations', id: conversationId, seq: ++seq, deleted: false, data: conversation });
  for (let m = 0; m < PER_CONVERSATION; m += 1) {
    const message: Message = {
      id: `m-${c}-${m}`, conversationId, senderKind: m % 2 ? 'agent' : 'customer', senderId: null, kind: 'text',
      body: sentence(random), event: null, articleId: null, createdAt: createdAt + m * 5_000,
    } as Message;
    batch.push({ entity: 'messages', id: message.id, seq: ++seq, deleted: false, data: message });
  }
  if (batch.length >= 5000) flush();
}
flush();
const fillMs = performance.now() - fillStarted;
console.log(`filled ${MESSAGES} messages in ${(fillMs / 1000).toFixed(1)} s (${Math.round(MESSAGES / (fillMs / 1000))} messages/s through the row writer + FTS)`);

const search = new HistorySearch(db, () => start + MESSAGES * 6_000);
const withText = (filter: object) => QUERIES.cjk2.map((query) => ({ query, ...filter }));
const CASES: Record<string, object[]> = {
  ...Object.fromEntries(Object.entries(QUERIES).map(([kind, queries]) => [kind, queries.map((query) => ({ query }))])),
  'two terms': ['退款 refund', '申请 物流', 'order 发货', '密码 account', '投诉 客服'].map((query) => ({ query })),
  'queue + text': withText({ queueId: 'queue-1' }),
  'status + text': withText({ status: 'resolved' }),
  'agent + text': withText({ agentId: 'agent-7' }),
  'customer + text': withText({ customerId: 'cust-17' }),
  'shop + text': withText({ shopId: 'shop-x' }),
  'file no + text': withText({ hasAttachment: false }),
  'file yes + text': withText({ hasAttachment: true }),
  'QC yes + text': withText({ qcFlagged: true }),
  'last 30 d + text': withText({ from: start + MESSAGES * 6_000 - 30 * 86_400_000 }),
  'one old day + text': withText({ from: start + 86_400_000, to: start + 2 * 86_400_000 }),
  'no text': [{ query: '' }, { query: '', queueId: 'queue-1' }, { query: '', hasAttachment: true }, { query: '', orderId: 'o-1' }],
};
const results: string[] = [];
for (const [kind, cases] of Object.entries(CASES)) {
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const args of cases) {
      const [started, cpuStarted] = [performance.now(), cpuMs()];
      hits += search.search(HistorySearchArgsSchema.parse(args)).hits.length;
      times.push(performance.now() - started);
      cpu.push(cpuMs() - cpuStarted);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  results.push(
    `${kind.padEnd(18)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  max ${times.at(-1)!.toFixed(2)} ms  cpu p95 ${percentile(cpu, 95).toFixed(2)} ms  (avg hits ${(hits / times.length).toFixed(0)})`,
  );
}
console.log(results.join('\n'));
console.log(`rss ${mb(process.memoryUsage().rss)} MB`);
db.close();
rmSync(dir, { recursive: true, force: true });
