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
 * then times search.history for 1-4 character Chinese queries and English words (wall time, and
 * CPU time, which a machine shared with other work disturbs less), then the history window's
 * filters with and without text (this cache has no files and no QC flags: the worst case for
 * "yes", where nothing passes).
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
const results: string[] = [];
for (const [kind, queries] of Object.entries(QUERIES)) {
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const query of queries) {
      const [started, cpuStarted] = [performance.now(), cpuMs()];
      hits += search.search(HistorySearchArgsSchema.parse({ query })).hits.length;
      times.push(performance.now() - started);
      cpu.push(cpuMs() - cpuStarted);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  results.push(
    `${kind.padEnd(8)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  max ${times.at(-1)!.toFixed(2)} ms  cpu p95 ${percentile(cpu, 95).toFixed(2)} ms  (avg hits ${(hits / times.length).toFixed(0)})`,
  );
}
const FILTERED = {
  'file yes': { query: '', hasAttachment: true },
  'file yes + 退款': { query: '退款', hasAttachment: true },
  'file no + 退款': { query: '退款', hasAttachment: false },
  'QC yes + 退款': { query: '退款', qcFlagged: true },
  'shop + 退款': { query: '退款', shopId: 'shop-x' },
  'queue + 退款': { query: '退款', queueId: 'queue-1' },
  'order': { query: '', orderId: 'o-1' },
};
for (const [name, args] of Object.entries(FILTERED)) {
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    search.search(HistorySearchArgsSchema.parse(args));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  results.push(`${name.padEnd(16)} median ${percentile(times, 50).toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
}
console.log(results.join('\n'));
console.log(`rss ${mb(process.memoryUsage().rss)} MB`);
db.close();
rmSync(dir, { recursive: true, force: true });
