import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startServerWithInternals } from '../../src/server/app';
import { F, seedFixtureOrg } from '../../src/server/testing/fixtures';
import type { Conversation } from '../../src/shared/domain/conversations';
import { CacheKeys } from '../../src/main/core/cache/cacheKeys';
import { EventHub } from '../../src/main/core/rpc/eventHub';
import { ServerLink } from '../../src/main/core/sync/serverLink';
import { Workspace } from '../../src/main/core/workspace/workspace';
import { memorySecretStore } from '../support/memoryStores';
import { mb, percentile, seeded, sentence } from './corpus';
import { BENCH_CUSTOMER_LIMITS, signIn } from './serverChild';

/*
 * First sync, end to end on loopback: a server process holding N messages (default 200,000), a
 * tenth as many conversations and a hundredth as many KB articles, all visible to one lead; this
 * process runs the core's workspace, pulls everything and reports rows/s and its own RSS
 * (sampled during the sync and after). The server runs in a child process so RSS is the core's.
 * Then, with everything cached, it times live rows: a customer's message posted until the core
 * has applied the pushed row and emitted messages.changed (p50 / p99 over 200 messages).
 * The cache is encrypted as in the app; --plain measures a plain one, for what encryption costs.
 * Run: node tests/bench/run.mjs firstSync --messages 200000 [--plain]
 */
const argAt = process.argv.indexOf('--messages');
const MESSAGES = argAt > 0 ? Number(process.argv[argAt + 1]) : 200_000;
const PLAIN = process.argv.includes('--plain');
const PER_CONVERSATION = 10;

async function serve(dataDir: string): Promise<void> {
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: true, demoData: false, logger: false , customerRateLimits: BENCH_CUSTOMER_LIMITS });
  const started = Date.now();
  await seedFixtureOrg(internals, started);
  const { writer, conversations, messages, kb } = internals.domain;
  const random = seeded(7);
  const base = started - MESSAGES * 6_000;
  const customers = Object.values(F.customers);
  const CHUNK = 1000;
  for (let from = 0; from < MESSAGES / PER_CONVERSATION; from += CHUNK) {
    writer.write((tx) => {
      for (let c = from; c < Math.min(from + CHUNK, MESSAGES / PER_CONVERSATION); c += 1) {
        const id = `bench-c-${c}`;
        const at = base + c * 60_000;
        const conversation: Conversation = {
          id, customerId: customers[c % customers.length]!, queueId: F.queueX, shopId: null, channel: 'chat', status: 'resolved', assigneeId: null,
          orderId: null, createdAt: at, queuedAt: at, assignedAt: null, firstResponseAt: null, lastCustomerAt: at, lastAgentAt: null,
          resolvedAt: at + 600_000, closedAt: null, category: 'bench', csat: null, escalatedFromQueueId: null,
        } as Conversation;
        conversations.insertConversation(tx, conversation);
        conversations.addQueueVisit(id, F.queueX, at);
        for (let m = 0; m < PER_CONVERSATION; m += 1) {
          messages.insertMessage(tx, {
            id: `bench-m-${c}-${m}`, conversationId: id, senderKind: m % 2 ? 'agent' : 'customer', senderId: null, kind: 'text',
            body: sentence(random), event: null, articleId: null, createdAt: at + m * 5_000, platformOnly: false, clientMutationId: null,
          } as Parameters<typeof messages.insertMessage>[1]);
        }
      }
    });
  }
  writer.write((tx) => {
    for (let a = 0; a < MESSAGES / 100; a += 1) {
      kb.insertArticle(tx, {
        id: `bench-kb-${a}`, title: sentence(random), body: `${sentence(random)}\n${sentence(random)}`, category: 'bench', tags: [], keywords: [],
        questions: [sentence(random)], teamIds: [F.teamX], shopId: null, updatedAt: started,
      });
    }
  });
  console.log(`ready ${server.url} ${Date.now() - started}`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-sync-'));
  const child = spawn(process.execPath, [process.argv[1]!, '--serve', join(dir, 'server'), '--messages', String(MESSAGES)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('ready ') && resolve(line));
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const [, url, seedMs] = ready.split(' ');
  console.log(`server seeded ${MESSAGES} messages in ${(Number(seedMs) / 1000).toFixed(1)} s`);
  const token = await signIn(url!, 'leadx');

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const hub = new EventHub();
  let events = 0;
  hub.subscribe('sync.progress', () => (events += 1));
  const keys = PLAIN ? null : new CacheKeys(memorySecretStore());
  const ws = new Workspace({ file: join(dir, 'cache.sqlite'), keys, serverUrl: url!, token, userId: F.users.leadX, hub, isOnline: () => true });
  console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other work: CPU-seconds carry over, wall time less)`);
  const cpu = process.cpuUsage();
  const started = performance.now();
  ws.engine.online();
  await ws.engine.idle();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  clearInterval(sampler);
  const progress = ws.engine.current();
  global.gc?.();
  console.log(`first sync (${PLAIN ? 'plain' : 'encrypted'} cache): ${progress.done} rows in ${seconds.toFixed(1)} s = ${Math.round(progress.done / seconds)} rows/s (${events} progress events)`);
  console.log(`  core CPU ${((user + system) / 1e6).toFixed(2)} s = ${Math.round(progress.done / ((user + system) / 1e6))} rows per core CPU-second`);
  console.log(`core RSS: before ${mb(rssBefore)} MB, peak during ${mb(peak)} MB, after ${mb(process.memoryUsage().rss)} MB`);
  await liveLatency(url!, token, hub, ws);
  await ws.close();
  child.stdin!.end();
  await new Promise((resolve) => child.on('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}

/** Customer message posted → row pushed, applied and messages.changed emitted, over the real WebSocket. */
async function liveLatency(url: string, token: string, hub: EventHub, ws: Workspace): Promise<void> {
  const link = new ServerLink({ hub, onUnauthenticated: () => {} });
  link.listen(ws);
  link.start(url, token);
  while (link.status().state !== 'online') await new Promise((resolve) => setTimeout(resolve, 20));
  await ws.engine.idle();
  const arrived = new Map<string, number>();
  hub.subscribe('messages.changed', (payload) => {
    for (const id of (payload as { ids: string[] }).ids) arrived.set(id, performance.now());
  });
  const latencies: number[] = [];
  const posts: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    const response = await fetch(`${url}/api/customer/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${F.tokens.c4}` },
      body: JSON.stringify({ queueId: F.queueX, text: `live ${i} 退款进度` }),
    });
    const { message } = (await response.json()) as { message: { id: string } };
    posts.push(performance.now() - started);
    while (!arrived.has(message.id)) await new Promise((resolve) => setImmediate(resolve));
    latencies.push(arrived.get(message.id)! - started);
  }
  latencies.sort((a, b) => a - b);
  posts.sort((a, b) => a - b);
  console.log(`live row (customer post → applied → messages.changed): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`  of which the customer's POST alone (server commit): p50 ${percentile(posts, 50).toFixed(1)} ms, p99 ${percentile(posts, 99).toFixed(1)} ms`);
  link.stop();
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
