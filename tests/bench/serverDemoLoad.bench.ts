import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerWithInternals } from '../../src/server/app';
import { loadDemoDataIfEmpty } from '../../src/server/demo/demoData';

/*
 * Loading the demo data set into an empty server (what `npm start` does on first run), timed.
 * It used to be a "< 3 s" assertion in src/server/demo/load.test.ts, which failed whenever the
 * machine was busy; the figure lives here now. Five rounds, each on a fresh data folder.
 * Run: node tests/bench/run.mjs serverDemoLoad
 */
const ROUNDS = 5;
const times: number[] = [];
let counts = '';
for (let round = 0; round < ROUNDS; round += 1) {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-demo-'));
  const { server, internals } = await startServerWithInternals({ dataDir: dir, demo: true, demoData: false, logger: false });
  const started = performance.now();
  const result = await loadDemoDataIfEmpty(internals.domain, internals.accountsStore, Date.now());
  times.push(performance.now() - started);
  counts = JSON.stringify(result);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(`demo data ${counts}`);
console.log(`load time over ${ROUNDS} rounds: min ${Math.round(times[0]!)} ms, median ${Math.round(times[Math.floor(ROUNDS / 2)]!)} ms, max ${Math.round(times[ROUNDS - 1]!)} ms`);
