import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerWithInternals } from '../../src/server/app';
import { seedFixtureOrg } from '../../src/server/testing/fixtures';
import { PULL_MAX_LIMIT } from '../../src/shared/api/sync';
import { seedHistory, serveUntilStdinEnds, signIn, spawnServer } from './serverChild';

/*
 * Pull throughput of the server alone: a child server holds N history messages (default
 * 1,000,000; 10 per conversation) in queue X; this process signs in as team X's lead (who sees
 * all of them) and pages GET /api/sync/pull?limit=5000 from cursor 0 to the end, parsing each
 * page, three times. Reports rows/s and the server's RSS and CPU.
 * Run: node tests/bench/run.mjs serverPull --messages 1000000
 */
const argAt = process.argv.indexOf('--messages');
const MESSAGES = argAt > 0 ? Number(process.argv[argAt + 1]) : 1_000_000;
const ROUNDS = 3;

async function serve(dataDir: string): Promise<void> {
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: false, logger: false });
  const started = Date.now();
  await seedFixtureOrg(internals, started);
  seedHistory(internals, MESSAGES, started);
  serveUntilStdinEnds(server, { seedMs: Date.now() - started });
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-pull-'));
  const server = await spawnServer([join(dir, 'server'), '--messages', String(MESSAGES)]);
  console.log(`server seeded ${MESSAGES} messages in ${(Number(server.info.seedMs) / 1000).toFixed(1)} s`);
  const token = await signIn(server.url, 'leadx');
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = await server.usage();
    const started = performance.now();
    let cursor = 0;
    let rows = 0;
    let pages = 0;
    for (;;) {
      const response = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}&limit=${PULL_MAX_LIMIT}`, { headers: { authorization: `Bearer ${token}` } });
      const page = (await response.json()) as { rows: unknown[]; cursor: number; hasMore: boolean };
      rows += page.rows.length;
      pages += 1;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await server.usage();
    console.log(
      `round ${round + 1}: ${rows} rows in ${pages} pages, ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s; ` +
        `server CPU ${((after.cpuMs - before.cpuMs) / 1000).toFixed(1)} s, RSS ${after.rssMb} MB`,
    );
  }
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
