import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerWithInternals } from '../../src/server/app';
import { F, seedFixtureOrg } from '../../src/server/testing/fixtures';
import { httpReviewSetApi, type ReviewSetApi } from '../../src/main/core/review/reviewSetApi';
import { CacheKeys } from '../../src/main/core/cache/cacheKeys';
import { EventHub } from '../../src/main/core/rpc/eventHub';
import { Workspace } from '../../src/main/core/workspace/workspace';
import { memorySecretStore } from '../support/memoryStores';
import { mb } from './corpus';
import { BENCH_CUSTOMER_LIMITS, seedHistory, serveUntilStdinEnds, signIn, spawnServer } from './serverChild';

/*
 * "Make available offline" end to end on loopback: a server process holding N conversations of
 * queue X (default 10,000, 10 messages each, with the QC flags their text raises), and this
 * process running the core's workspace on a new cache file. A team lead makes the whole queue
 * available offline (review.prepare: GET /api/review/set page by page into the cache); we report
 * rows/s, rows, seconds, how much of it was waiting for the server, and the core's RSS peak.
 * Then the same set again (a refresh: every row already cached at its seq).
 * Run: node tests/bench/run.mjs offlineReview --conversations 10000
 */
const argAt = process.argv.indexOf('--conversations');
const CONVERSATIONS = argAt > 0 ? Number(process.argv[argAt + 1]) : 10_000;
const PER_CONVERSATION = 10;

async function serve(dataDir: string): Promise<void> {
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: true, demoData: false, logger: false, customerRateLimits: BENCH_CUSTOMER_LIMITS });
  const now = Date.now();
  await seedFixtureOrg(internals, now);
  seedHistory(internals, CONVERSATIONS * PER_CONVERSATION, now);
  serveUntilStdinEnds(server, { now, seedMs: Date.now() - now });
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-review-'));
  const server = await spawnServer([join(dir, 'server'), '--conversations', String(CONVERSATIONS)]);
  const { now, seedMs } = server.info as { now: number; seedMs: number };
  console.log(`server seeded ${CONVERSATIONS} conversations × ${PER_CONVERSATION} messages in ${(seedMs / 1000).toFixed(1)} s`);
  const token = await signIn(server.url, 'leadx');

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const hub = new EventHub();
  let events = 0;
  hub.subscribe('review.progress', () => (events += 1));
  const ws = new Workspace({ file: join(dir, 'cache.sqlite'), keys: new CacheKeys(memorySecretStore()), serverUrl: server.url, token, userId: F.users.leadX, hub, isOnline: () => false });
  // Time spent waiting for pages (the prefetch overlaps it with writing, so this is the part not hidden).
  const http = httpReviewSetApi(server.url, token);
  let waitingMs = 0;
  const timed: ReviewSetApi = (query, signal) => {
    const started = performance.now();
    const page = http(query, signal);
    void page.then(() => (waitingMs += performance.now() - started), () => {});
    return page;
  };
  (ws.review.sets as unknown as { deps: { api: ReviewSetApi } }).deps.api = timed;
  const filter = { queueId: F.queueX, from: 0, to: now };

  const run = async (label: string, setId?: string) => {
    waitingMs = 0;
    events = 0;
    const serverCpu = (await server.usage()).cpuMs;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const set = await ws.review.sets.prepare({ name: 'queue X, all days', filter, setId });
    const seconds = (performance.now() - started) / 1000;
    const coreCpu = process.cpuUsage(cpu);
    const serverSeconds = ((await server.usage()).cpuMs - serverCpu) / 1000;
    const coreSeconds = (coreCpu.user + coreCpu.system) / 1e6;
    console.log(
      `${label}: ${set.rows} rows (${set.conversations} conversations, ${mb(set.bytes)} MB of rows) in ${seconds.toFixed(2)} s = ${Math.round(set.rows / seconds)} rows/s; ` +
        `${events} progress events; waiting on pages ${(waitingMs / 1000).toFixed(2)} s (overlapped)`,
    );
    console.log(
      `  CPU: core ${coreSeconds.toFixed(2)} s (${Math.round(set.rows / coreSeconds)} rows per core CPU-second), ` +
        `server ${serverSeconds.toFixed(2)} s (${Math.round(set.rows / serverSeconds)} rows per server CPU-second)`,
    );
    return set;
  };
  console.log(`load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  const cold = await run('offline set, new cache');
  await run('same set again, all rows cached', cold.id);
  // What the reviewer waits for when the set opens: its whole work list, read from the cache.
  const listed = performance.now();
  const items = ws.review.queue.list(cold.id);
  console.log(`review.queue: ${items.length} conversations listed in ${(performance.now() - listed).toFixed(0)} ms`);
  clearInterval(sampler);
  global.gc?.();
  const usage = await server.usage();
  console.log(`core RSS: before ${mb(rssBefore)} MB, peak ${mb(peak)} MB, after ${mb(process.memoryUsage().rss)} MB; server RSS ${usage.rssMb} MB`);
  await ws.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
