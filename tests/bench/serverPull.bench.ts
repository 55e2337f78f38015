import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerWithInternals } from '../../src/server/app';
import { seedFixtureOrg } from '../../src/server/testing/fixtures';
import { PULL_MAX_LIMIT, SYNC_CURSOR_HEADER, SYNC_HAS_MORE_HEADER } from '../../src/shared/api/sync';
import { seedHistory, serveUntilStdinEnds, signIn, spawnServer } from './serverChild';

/*
 * Pull throughput of the server alone: a child server holds N history messages (default
 * 1,000,000; 10 per conversation) in queue X; this process signs in as team X's lead (who sees
 * all of them) and pages GET /api/sync/pull?limit=5000 from cursor 0 to the end, parsing each
 * page, four times: asking for each page once the one before is parsed (the wall time is then both
 * sides' CPU one after the other), and, alternately, as soon as its headers name the next cursor.
 * Reports rows/s, the server's RSS and CPU, and this client's CPU; on a shared machine the
 * CPU-seconds are the figures that carry over.
 * Run: node tests/bench/run.mjs serverPull --messages 1000000
 */
const argAt = process.argv.indexOf('--messages');
const MESSAGES = argAt > 0 ? Number(process.argv[argAt + 1]) : 1_000_000;
const ROUNDS = 4;

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
    const cpu = process.cpuUsage();
    const started = performance.now();
    const pipelined = round % 2 === 1;
    const { rows, pages } = await pullAll(server.url, token, pipelined);
    const seconds = (performance.now() - started) / 1000;
    const after = await server.usage();
    const { user, system } = process.cpuUsage(cpu);
    const serverCpu = (after.cpuMs - before.cpuMs) / 1000;
    const clientCpu = (user + system) / 1e6;
    console.log(
      `round ${round + 1} (${pipelined ? 'next page asked for on the headers' : 'next page asked for once parsed'}): ${rows} rows in ${pages} pages, ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s (load ${loadavg()[0]!.toFixed(1)}); ` +
        `server CPU ${serverCpu.toFixed(1)} s = ${Math.round(rows / serverCpu)} rows per server CPU-second, RSS ${after.rssMb} MB; ` +
        `this client's CPU (fetch + JSON.parse) ${clientCpu.toFixed(1)} s`,
    );
  }
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Pages from cursor 0 to the end. Pipelined, the next page is asked for as soon as this one's
 * headers (Sync-Cursor, Sync-Has-More) arrive, so the server builds it while this one is read and
 * parsed; a server that does not send them is paged one after the other.
 */
async function pullAll(url: string, token: string, pipelined: boolean): Promise<{ rows: number; pages: number }> {
  const request = (cursor: number) => fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=${PULL_MAX_LIMIT}`, { headers: { authorization: `Bearer ${token}` } });
  let rows = 0;
  let pages = 0;
  let next = request(0);
  for (;;) {
    const response = await next;
    const early = response.headers.get(SYNC_CURSOR_HEADER);
    if (pipelined && early !== null && response.headers.get(SYNC_HAS_MORE_HEADER) === 'true') next = request(Number(early));
    const page = (await response.json()) as { rows: unknown[]; cursor: number; hasMore: boolean };
    rows += page.rows.length;
    pages += 1;
    if (!page.hasMore) return { rows, pages };
    if (!pipelined || early === null) next = request(page.cursor);
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
