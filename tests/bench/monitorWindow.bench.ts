import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createCore } from '../../src/main/core/core';
import { startHost } from '../../src/main/host/host';
import { testCoreOptions } from '../support/memoryStores';
import { spawnServer } from './serverChild';

/*
 * The team-lead monitor window under the `monitor` benchmark's load: its server (20 teams of 50
 * agents, 1,000 online, 5,000 customers, one admin) runs as a child, the built browser host (core +
 * renderer, in this process) signs the admin in against it, and Debian's Chromium shows the monitor (every queue and
 * all 1,000 agents). Customers write at --rate per second for --seconds. Lag = the moment a new
 * `data-at` (the server time the figures were computed, same machine clock) lands in the DOM, minus
 * that time: server → socket → core → window → React commit. Memory: the window's JS heap (CDP
 * Performance.getMetrics) and the RSS of every Chromium process (browser, GPU, renderer); then, apart,
 * what the window holds live (the heap after a forced GC). The server's cadence is read where the
 * core relays its `monitor.changed` events (several may land in one React commit).
 * Needs `node scripts/build.mjs` first. Run: node tests/bench/run.mjs monitorWindow --rate 200 --seconds 40 [--today 200000]
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RATE = arg('rate', 200);
const SECONDS = arg('seconds', 40);
/** messages of the past hour seeded first (the `monitor` benchmark's --today) */
const TODAY_MESSAGES = arg('today', 0);
const CUSTOMERS = 5000;
const TEAMS = 20;
// run.mjs runs the bundle from the repository root
const root = process.cwd();
const customerToken = (i: number) => `bench-customer-${String(i).padStart(6, '0')}-0123456789abcdef`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Memory of a process tree from /proc, per Chromium process type (--type=renderer, gpu-process …;
 * the root is the browser): RSS and PSS in MB. PSS splits shared pages between the processes
 * sharing them, so it adds up where RSS counts the zygote's pages in every child.
 */
function treeMemory(pid: number): Map<string, { rss: number; pss: number; count: number }> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const byType = new Map<string, { rss: number; pss: number; count: number }>();
  const kb = (text: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    stack.push(...(children.get(p) ?? []));
    try {
      const kind = /--type=([\w-]+)/.exec(readFileSync(`/proc/${p}/cmdline`, 'utf8'))?.[1] ?? (p === pid ? 'launcher' : 'browser');
      // Renderers one by one: the window's is the large one (the others are spare or service ones).
      const type = kind === 'renderer' ? `renderer ${p}` : kind;
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const sum = byType.get(type) ?? { rss: 0, pss: 0, count: 0 };
      byType.set(type, { rss: sum.rss + kb(rollup, 'Rss') / 1024, pss: sum.pss + kb(rollup, 'Pss') / 1024, count: sum.count + 1 });
    } catch {
      // gone meanwhile
    }
  }
  return byType;
}

async function main(): Promise<void> {
  // The `monitor` benchmark's own server, bundled as run.mjs would and started with --serve.
  const serverBundle = join(root, 'node_modules', '.cache', 'seatdesk-bench', 'monitor.mjs');
  await build({ entryPoints: [join(root, 'tests/bench/monitor.bench.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: serverBundle, logLevel: 'warning' });
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-monitor-window-'));
  const server = await spawnServer([join(dir, 'server'), '--today', String(TODAY_MESSAGES)], serverBundle);
  // The real core and browser host, in this process (the load generator's fetches share its event loop).
  const core = createCore(testCoreOptions({ dataDir: join(dir, 'core') }));
  const host = await startHost({ core, rendererDir: join(root, 'dist', 'renderer') });
  // A browser server, so its process (and so its children's memory) is known.
  const browserServer = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${host.url}?window=monitor`);
    await page.getByTestId('login-server').fill(server.url);
    await page.getByTestId('login-username').fill('badmin');
    await page.getByTestId('login-password').fill('bench-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('monitor-board').waitFor({ timeout: 60_000 });
    const agentRows = await page.locator('[data-testid="monitor-agents"] tr[data-row-key]').count();
    console.log(`server seeded in ${(Number(server.info.seedMs) / 1000).toFixed(1)} s; the monitor shows ${await page.locator('[data-testid="monitor-queues"] tr[data-row-key]').count()} queues, ${agentRows} agent rows in the DOM (of 1,000: the table is virtualised)`);

    // Every change of the board's data-at, timed in the page on the machine's clock.
    await page.evaluate(() => {
      const board = document.querySelector('[data-testid="monitor-board"]')!;
      const lags: number[] = [];
      (window as unknown as { __lags: number[] }).__lags = lags;
      new MutationObserver(() => {
        const at = Number(board.getAttribute('data-at'));
        lags.push(performance.timeOrigin + performance.now() - at);
      }).observe(board, { attributes: true, attributeFilter: ['data-at'] });
    });

    /** each relayed server look: its `at` and when the core passed it on */
    const relayed: { at: number; arrived: number }[] = [];
    core.hub.subscribe('monitor.changed', (delta) => relayed.push({ at: (delta as { at: number }).at, arrived: Date.now() }));
    const conversations = new Map<number, string>();
    let sent = 0;
    let failed = 0;
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    while (performance.now() - started < SECONDS * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * RATE);
      while (sent < due && inFlight.size < 64) {
        const i = sent % CUSTOMERS;
        sent += 1;
        const body = { queueId: `bq-${i % TEAMS}`, text: `第${sent}条消息`, ...(conversations.has(i) ? { conversationId: conversations.get(i) } : {}) };
        const request = fetch(`${server.url}/api/customer/messages`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken(i)}` }, body: JSON.stringify(body),
        }).then(async (response) => {
          if (response.status !== 200) failed += 1;
          else conversations.set(i, ((await response.json()) as { conversationId: string }).conversationId);
        });
        const tracked = request.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(inFlight);
    await page.waitForTimeout(1500);

    const lags = (await page.evaluate(() => (window as unknown as { __lags: number[] }).__lags)).sort((a, b) => a - b);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? NaN) / 1024 / 1024);
    const pid = browserServer.process().pid!;
    console.log(
      `${sent} messages in ${SECONDS} s (${failed} failed), ${conversations.size} conversations; ` +
        `server → DOM lag p50 ${percentile(lags, 50).toFixed(0)} ms, p99 ${percentile(lags, 99).toFixed(0)} ms, max ${(lags.at(-1) ?? NaN).toFixed(0)} ms over ${lags.length} updates; ` +
        `window JS heap ${metric('JSHeapUsedSize')} MB used / ${metric('JSHeapTotalSize')} MB total, DOM nodes ${metrics.find((m) => m.name === 'Nodes')?.value}; ` +
        `Chromium by process type (PSS / RSS MB): ${[...treeMemory(pid)].map(([type, m]) => `${type}×${m.count} ${m.pss.toFixed(0)} / ${m.rss.toFixed(0)}`).join(', ')}; ` +
        `server RSS ${(await server.usage()).rssMb} MB`,
    );
    const gaps = relayed.slice(1).map((r, i) => r.at - relayed[i]!.at).sort((a, b) => a - b);
    const toCore = relayed.map((r) => r.arrived - r.at).sort((a, b) => a - b);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const live = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    console.log(
      `server looks relayed by the core: ${relayed.length}, ${percentile(gaps, 50)} ms apart at p50 (p99 ${percentile(gaps, 99)}), server → core p50 ${percentile(toCore, 50)} ms, p99 ${percentile(toCore, 99)} ms; ` +
        `the window's JS heap after a forced GC (what it holds live): ${Math.round(live / 1024 / 1024)} MB`,
    );
  } finally {
    await browser.close();
    await browserServer.close();
    await host.close();
    await core.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
