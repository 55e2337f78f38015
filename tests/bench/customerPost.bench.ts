import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServerWithInternals } from '../../src/server/app';
import { F, seedFixtureOrg } from '../../src/server/testing/fixtures';
import { openCollector } from '../../src/server/testing/wsClient';
import { percentile } from './corpus';
import { BENCH_CUSTOMER_LIMITS, seedHistory, signIn } from './serverChild';

/*
 * What a customer's message costs the server as its data grows: one process holds the server
 * with --messages history messages in queue X (default 200,000) and lead X's socket connected
 * (push reads the lead's scope on every commit; --no-lead leaves it out), then times 200
 * POST /api/customer/messages until their answers. With --sql it also lists the statements that
 * took the most time over those posts (total, count, SQL), to find what grows with the data.
 * Run: node tests/bench/run.mjs customerPost --messages 1000000 --sql
 */
const at = process.argv.indexOf('--messages');
const MESSAGES = at > 0 ? Number(process.argv[at + 1]) : 200_000;
const POSTS = 200;

type Method = (this: { source: string }, ...args: unknown[]) => unknown;

/** Wraps better-sqlite3's statement methods to add up the time each SQL text takes. */
function timeStatements(): Map<string, { count: number; ms: number }> {
  const timing = new Map<string, { count: number; ms: number }>();
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, Method>;
  probe.close();
  for (const name of ['all', 'get', 'run', 'iterate']) {
    const original = proto[name]!;
    proto[name] = function (...args) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const entry = timing.get(this.source) ?? { count: 0, ms: 0 };
        entry.count += 1;
        entry.ms += performance.now() - started;
        timing.set(this.source, entry);
      }
    };
  }
  return timing;
}

const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-post-'));
const { server, internals } = await startServerWithInternals({ dataDir: dir, port: 0, demo: true, demoData: false, logger: false , customerRateLimits: BENCH_CUSTOMER_LIMITS });
await seedFixtureOrg(internals, Date.now());
const seeding = performance.now();
seedHistory(internals, MESSAGES, Date.now());
console.log(`seeded ${MESSAGES} messages in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

const token = await signIn(server.url, 'leadx');
const lead = process.argv.includes('--no-lead') ? null : await openCollector(server.url, token);
const timing = process.argv.includes('--sql') ? timeStatements() : null;

const posts: number[] = [];
for (let i = 0; i < POSTS; i += 1) {
  const started = performance.now();
  const response = await fetch(`${server.url}/api/customer/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${F.tokens.c4}` },
    body: JSON.stringify({ queueId: F.queueX, text: `live ${i} 退款进度` }),
  });
  await response.json();
  posts.push(performance.now() - started);
}
posts.sort((a, b) => a - b);
console.log(`customer POST${lead ? ' (lead X connected)' : ''}: p50 ${percentile(posts, 50).toFixed(1)} ms, p99 ${percentile(posts, 99).toFixed(1)} ms`);
for (const [sql, { count, ms }] of [...(timing ?? [])].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(`${ms.toFixed(0).padStart(7)} ms ${String(count).padStart(5)}×  ${sql.replace(/\s+/g, ' ').slice(0, 300)}`);
}
await lead?.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
