import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServerDatabase } from '../../src/server/db/open';
import { writerFor } from '../../src/server/db/writer';

/*
 * What the disk allows: one-row writes through the server's writer on a real data folder
 * (WAL, synchronous = FULL), one transaction each (write) and queued together (writeGrouped) with
 * 1–256 in flight, as concurrent requests would queue them. Each grouped write is answered only
 * after its group's commit, so "in flight" is how many clients wait at once.
 * Run: node tests/bench/run.mjs groupCommit --writes 2000
 */
const at = process.argv.indexOf('--writes');
const WRITES = at > 0 ? Number(process.argv[at + 1]) : 2000;

const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-commit-'));
const db = openServerDatabase(dir);
const writer = writerFor(db);
const insert = db.prepare('INSERT INTO shops (id, name, seq) VALUES (?, ?, ?)');
let next = 0;
const work = (tx: Parameters<Parameters<typeof writer.write>[0]>[0]) => insert.run(`s${next++}`, 'bench', tx.stamp('shops'));
let commits = 0;
writer.onCommit(() => (commits += 1));

const report = (label: string, started: number, before: number) => {
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${Math.round(WRITES / seconds)} writes/s, ${commits - before} commits`);
};

let started = performance.now();
let before = commits;
for (let i = 0; i < WRITES; i += 1) writer.write(work);
report('one transaction each', started, before);

for (const lanes of [1, 16, 64, 256]) {
  started = performance.now();
  before = commits;
  let sent = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (sent < WRITES) {
        sent += 1;
        await writer.writeGrouped(work);
      }
    }),
  );
  report(`grouped, ${lanes} in flight`, started, before);
}
db.close();
rmSync(dir, { recursive: true, force: true });
