import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Conversation, Message } from '../../src/shared/domain/conversations';
import type { QcFlag } from '../../src/shared/domain/qc';
import { ChangeSet } from '../../src/main/core/cache/changeSet';
import { openCache } from '../../src/main/core/cache/openCache';
import { RowWriter } from '../../src/main/core/cache/rowWriter';
import { CacheReport } from '../../src/main/core/reports/cacheReport';
import { reportXlsx } from '../../src/shared/metrics/reportFile';
import { mb, percentile, seeded, sentence } from './corpus';

/*
 * Offline reports (reports.build from the cache) over a local cache of N conversations spread
 * over 30 days (default 20,000 × 8 messages; --conversations to change), 200 agents in 10 teams
 * and queues, a QC flag on every 10th conversation: times CacheReport.build for 1, 7 and 30 days
 * by agent, team and shop (median and max of 5 rounds), and the XLSX of the 30-day agent report.
 * Run: node tests/bench/run.mjs reportsCache --conversations 20000
 */
const argAt = process.argv.indexOf('--conversations');
const CONVERSATIONS = argAt > 0 ? Number(process.argv[argAt + 1]) : 20_000;
const PER_CONVERSATION = 8;
const AGENTS = 200;
const TEAMS = 10;
const DAYS = 30;
const ROUNDS = 5;
const DAY = 24 * 3600_000;

const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-reports-'));
const db = openCache(join(dir, 'cache.sqlite'));
const writer = new RowWriter(db);
const random = seeded(7);
const start = Date.UTC(2026, 9, 1);
let seq = 0;
let batch: SyncRow[] = [];
const push = (entity: SyncRow['entity'], id: string, data: unknown) => {
  batch.push({ entity, id, seq: ++seq, deleted: false, data } as SyncRow);
  if (batch.length >= 5000) flush();
};
const flush = () => {
  db.transaction(() => writer.apply(batch, new ChangeSet()))();
  batch = [];
};

const fillStarted = performance.now();
for (let t = 0; t < TEAMS; t += 1) {
  push('teams', `team-${t}`, { id: `team-${t}`, name: `Team ${t}`, kind: t < 8 ? 'platform' : 'merchant', shopId: t < 8 ? null : `shop-${t}` });
  push('queues', `queue-${t}`, {
    id: `queue-${t}`, name: `Queue ${t}`, kind: t < 8 ? 'platform' : 'merchant', shopId: t < 8 ? null : `shop-${t}`, teamIds: [`team-${t}`],
    botFirst: false, channels: ['chat'], hours: '24x7', maxConcurrent: null,
  });
  if (t >= 8) push('shops', `shop-${t}`, { id: `shop-${t}`, name: `Shop ${t}` });
}
for (let a = 0; a < AGENTS; a += 1) {
  push('agents', `agent-${a}`, { id: `agent-${a}`, displayName: `Agent ${a}`, role: 'agent', teamIds: [`team-${a % TEAMS}`], shopId: null, maxConcurrent: 5, skills: [] });
}
for (let c = 0; c < CONVERSATIONS; c += 1) {
  const id = `c-${c}`;
  const agent = Math.floor(random() * AGENTS);
  const team = agent % TEAMS;
  const createdAt = start + Math.floor((c / CONVERSATIONS) * DAYS * DAY);
  const assignedAt = createdAt + Math.floor(random() * 60_000);
  const conversation = {
    id, customerId: `cust-${c % 5000}`, queueId: `queue-${team}`, shopId: team < 8 ? null : `shop-${team}`, channel: 'chat', status: 'resolved',
    assigneeId: `agent-${agent}`, orderId: null, createdAt, queuedAt: createdAt, assignedAt, firstResponseAt: assignedAt + 10_000,
    lastCustomerAt: createdAt, lastAgentAt: createdAt, resolvedAt: createdAt + 600_000, closedAt: null, category: 'refund',
    csat: c % 3 === 0 ? 1 + (c % 5) : null, escalatedFromQueueId: team >= 8 && c % 20 === 0 ? `queue-${team}` : null,
  } as Conversation;
  push('conversations', id, conversation);
  for (let m = 0; m < PER_CONVERSATION; m += 1) {
    const message = {
      id: `m-${c}-${m}`, conversationId: id, senderKind: m % 2 ? 'agent' : 'customer', senderId: m % 2 ? `agent-${agent}` : conversation.customerId,
      kind: 'text', body: sentence(random), event: null, articleId: null, createdAt: assignedAt + m * 15_000,
    } as Message;
    push('messages', message.id, message);
  }
  if (c % 10 === 0) {
    const flag: QcFlag = {
      id: `f-${c}`, conversationId: id, messageId: `m-${c}-0`, ruleId: c % 20 === 0 ? 'customer.complaint' : 'agent.rude', side: c % 20 === 0 ? 'customer' : 'agent',
      severity: 'warn', agentId: c % 20 === 0 ? null : `agent-${agent}`, excerpt: '', status: c % 30 === 0 ? 'dismissed' : 'confirmed',
      reviewedBy: null, reviewedAt: null, createdAt,
    };
    push('qc_flags', flag.id, flag);
  }
}
flush();
const fillMs = performance.now() - fillStarted;
console.log(`filled ${CONVERSATIONS} conversations, ${CONVERSATIONS * PER_CONVERSATION} messages over ${DAYS} days in ${(fillMs / 1000).toFixed(1)} s`);

const reports = new CacheReport(db);
const end = start + DAYS * DAY;
for (const days of [1, 7, 30]) {
  const line: string[] = [];
  for (const groupBy of ['agent', 'team', 'shop'] as const) {
    const times: number[] = [];
    let rows = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      rows = reports.build(groupBy, end - days * DAY, end).rows.length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    line.push(`${groupBy} ${percentile(times, 50).toFixed(0)} ms (max ${times.at(-1)!.toFixed(0)}, ${rows} rows)`);
  }
  console.log(`${String(days).padStart(2)} days (${Math.round((CONVERSATIONS * days) / DAYS)} conversations): ${line.join(' · ')}`);
}
const month = reports.build('agent', start, end);
const xlsxStarted = performance.now();
const bytes = reportXlsx(month, 'zh-CN');
console.log(`XLSX of ${month.rows.length} rows: ${(performance.now() - xlsxStarted).toFixed(1)} ms, ${(bytes.length / 1024).toFixed(1)} KiB`);
console.log(`rss ${mb(process.memoryUsage().rss)} MB`);
db.close();
rmSync(dir, { recursive: true, force: true });
