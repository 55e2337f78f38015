import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { FIXTURE_PASSWORD } from '../../src/server/testing/fixtures';
import { createCore } from '../../src/main/core/core';
import { forkNodeCore } from '../../src/main/core/process/nodeChild';
import { spawnCore, type CoreHandle } from '../../src/main/core/process/spawnCore';
import { createMemoryTransport } from '../../src/main/core/rpc/memoryTransport';
import { createRpcClient } from '../../src/shared/rpc/client';
import { bundleChild } from '../support/bundleChild';
import { memorySecretStore, memorySettingsStore } from '../support/memoryStores';
import { percentile } from './corpus';
import { spawnServer } from './serverChild';

/*
 * How responsive the thread that answers the windows stays while the core does its heaviest job,
 * a first sync of N history messages (default 200,000) from a server child process (serverPull's:
 * 10 messages per conversation in queue X, all visible to team X's lead). Run twice
 * on the same server: the core in this process (as before), then in its own process (spawnCore,
 * as both hosts run it now). This process plays the host: it measures its own event-loop delay
 * and a window's round trip for `app.info` (no SQLite), called back to back every 10 ms.
 * Run: node tests/bench/run.mjs coreIsolation --messages 200000
 */
const argAt = process.argv.indexOf('--messages');
const MESSAGES = argAt > 0 ? Number(process.argv[argAt + 1]) : 200_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function firstSync(label: string, serverUrl: string, open: (dataDir: string) => CoreHandle): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-isolation-'));
  const core = open(dataDir);
  const rpc = createRpcClient(createMemoryTransport((send) => core.connect({ id: 'bench', kind: 'workstation' }, send)).transport);
  await rpc.app.info();

  const delay = monitorEventLoopDelay({ resolution: 1 });
  const roundTrips: number[] = [];
  let syncing = true;
  const pinging = (async () => {
    while (syncing) {
      const sent = performance.now();
      await rpc.app.info();
      roundTrips.push(performance.now() - sent);
      await pause(10);
    }
  })();

  delay.enable();
  const started = performance.now();
  await rpc.session.login({ serverUrl, username: 'leadx', password: FIXTURE_PASSWORD });
  let progress = await rpc.sync.progress();
  while (progress.syncedAt === null || progress.phase !== 'idle') {
    await pause(250);
    progress = await rpc.sync.progress();
  }
  const seconds = (performance.now() - started) / 1000;
  syncing = false;
  await pinging;
  delay.disable();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });

  roundTrips.sort((a, b) => a - b);
  const nanos = (value: number) => value / 1e6;
  console.log(
    `${label}: ${progress.done} rows in ${seconds.toFixed(1)} s (${Math.round(progress.done / seconds)} rows/s); ` +
      `event-loop delay p50 ${ms(nanos(delay.percentile(50)))}, p99 ${ms(nanos(delay.percentile(99)))}, max ${ms(nanos(delay.max))}; ` +
      `app.info round trip p50 ${ms(percentile(roundTrips, 50))}, p99 ${ms(percentile(roundTrips, 99))}, max ${ms(roundTrips.at(-1) ?? 0)} (${roundTrips.length} calls)`,
  );
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-isolation-server-'));
  // run.mjs runs benchmarks from the repository root
  const serverScript = await bundleChild(join(process.cwd(), 'tests/bench/serverPull.bench.ts'), 'serverPullForIsolation');
  const server = await spawnServer([join(dir, 'server'), '--messages', String(MESSAGES)], serverScript);
  console.log(`server seeded ${MESSAGES} messages in ${(Number(server.info.seedMs) / 1000).toFixed(1)} s`);
  const entry = await bundleChild(join(process.cwd(), 'src/main/core/process/main.ts'), 'coreProcessBench');
  const options = (dataDir: string) => ({ dataDir, shell: 'browser' as const, cacheKeyCustody: 'file' as const, embeddedServerUrl: null, defaultServerUrl: server.url, version: 'bench' });
  const stores = () => ({ settings: memorySettingsStore(), secrets: memorySecretStore() });

  await firstSync('core in this process', server.url, (dataDir) => createCore({ ...options(dataDir), ...stores() }));
  await firstSync('core in its own process', server.url, (dataDir) =>
    spawnCore({ options: options(dataDir), ...stores(), fork: () => forkNodeCore(entry), log: console }),
  );
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

await measure();
