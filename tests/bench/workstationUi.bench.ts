import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createCore } from '../../src/main/core/core';
import { startHost } from '../../src/main/host/host';
import { startServerWithInternals, type ServerInternals } from '../../src/server/app';
import { F, FIXTURE_PASSWORD, seedFixtureOrg } from '../../src/server/testing/fixtures';
import type { Conversation } from '../../src/shared/domain/conversations';
import type { SyncProgress } from '../../src/shared/domain/workstation';
import { testCoreOptions } from '../support/memoryStores';
import { percentile, seeded, sentence } from './corpus';
import { BENCH_CUSTOMER_LIMITS, serveUntilStdinEnds, spawnServer } from './serverChild';

/*
 * The agent workstation in Debian's Chromium (issue 5's benchmarks). A child server holds the
 * fixture organisation plus, for agent p1: 10 active chats (one of 5,000 messages, one of 10,000,
 * eight of 20) and 10,000 conversations resolved today (2 messages each). The built browser host
 * (core + renderer, in this process) signs p1 in and the core pulls all of it (a real first sync).
 * "After paint" below = a requestAnimationFrame callback, then a MessageChannel task: the task runs
 * once the frame that rAF preceded has been produced (style, layout, paint), the usual page-side
 * stand-in for "painted". All times are the page's performance.now (or Date.now on both sides).
 * 1. open: click on the 5,000-message chat's row in the list (the click event's timeStamp) → after paint of the
 *    first frame whose pane shows that conversation's messages (×10, alternating with another chat).
 * 2. scroll: rAF deltas and 'longtask' entries during 150 mouse.wheel steps of 400 px over the
 *    resolved-today list (all 10,000 rows; their summaries are read as they come into view) and
 *    over the 10,000-message thread (all of it loaded first: the latest 50, then pages of 200).
 * 3. keystroke: keydown's timeStamp → after paint, 200 letters typed into the composer with 10 chats
 *    open (so it includes waiting for the next frame: up to 16.7 ms at 60 Hz even with no work); and
 *    keydown → the end of the task that handled its input event (the keystroke's own work).
 * 4. live: Date.now() before the customer's POST (node) → Date.now() in a MutationObserver seeing
 *    the text in the open chat's thread (page), sequentially, --messages of them.
 * --profile prints what dominates the opening, keystroke and live-message figures (CDP Profiler).
 * --resolved 0 leaves the resolved list empty (what the live figure owes to re-reading it).
 * Needs `node scripts/build.mjs` first. Run: node tests/bench/run.mjs workstationUi --messages 120
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LIVE_MESSAGES = arg('messages', 120);
const PROFILE = process.argv.includes('--profile');
/** conversations resolved today (the list's size; 0 to see what the live figure owes to it) */
const RESOLVED = arg('resolved', 10_000);
/** the active chats: their ids, sizes and the order the agent's list shows them (newest first) */
const ACTIVE = [20, 20, 10_000, 20, 20, 20, 20, 20, 5_000, 20].map((size, k) => ({ id: `ws-active-${k}`, size }));
const OPEN_ID = ACTIVE.find((c) => c.size === 5_000)!.id;
const SCROLL_ID = ACTIVE.find((c) => c.size === 10_000)!.id;
const LIVE_ID = ACTIVE[0]!.id;
const root = process.cwd();

function conversation(id: string, customerId: string, at: number, status: 'assigned' | 'resolved', resolvedAt: number | null): Conversation {
  return {
    id, customerId, queueId: F.queueX, shopId: null, channel: 'chat', status, assigneeId: F.users.p1,
    orderId: null, createdAt: at, queuedAt: at, assignedAt: at, firstResponseAt: at, lastCustomerAt: at, lastAgentAt: at,
    resolvedAt, closedAt: null, category: resolvedAt ? 'bench' : null, csat: null, escalatedFromQueueId: null,
  } as Conversation;
}

function seed(internals: ServerInternals, now: number): void {
  const { writer, conversations, messages, customers } = internals.domain;
  // One customer per conversation (a customer with 10,000 past conversations would be its own benchmark),
  // except the live chat's, whose fixture customer has a session token to post with.
  const customer = (tx: Parameters<Parameters<typeof writer.write>[0]>[0], id: string) => {
    customers.insertCustomer(tx, { id: `${id}-customer`, name: `顾客 ${id}`, level: 'normal', tags: [], phone: null, email: null, address: null, createdAt: now });
    return `${id}-customer`;
  };
  const random = seeded(5);
  const insertMessages = (tx: Parameters<Parameters<typeof writer.write>[0]>[0], conversationId: string, from: number, to: number, at: number) => {
    for (let m = from; m < to; m += 1) {
      messages.insertMessage(tx, {
        id: `${conversationId}-m${m}`, conversationId, senderKind: m % 2 ? 'agent' : 'customer', senderId: m % 2 ? F.users.p1 : null, kind: 'text',
        body: sentence(random), event: null, articleId: null, createdAt: at + m * 1_000, platformOnly: false, clientMutationId: null,
      } as Parameters<typeof messages.insertMessage>[1]);
    }
  };
  // Resolved today (inside the last 10 s, so "today" holds whenever the bench runs past 00:00:10).
  for (let from = 0; from < RESOLVED; from += 1000) {
    writer.write((tx) => {
      for (let c = from; c < from + 1000; c += 1) {
        const id = `ws-resolved-${c}`;
        const at = now - 3_600_000 - c * 60_000;
        conversations.insertConversation(tx, conversation(id, customer(tx, id), at, 'resolved', now - c));
        conversations.addQueueVisit(id, F.queueX, at);
        conversations.setParticipant(id, F.users.p1, 'former', now - c);
        insertMessages(tx, id, 0, 2, at);
      }
    });
  }
  ACTIVE.forEach(({ id, size }, k) => {
    const at = now - 30 * 86_400_000 - k * 60_000;
    writer.write((tx) => {
      conversations.insertConversation(tx, conversation(id, id === LIVE_ID ? F.customers.c4 : customer(tx, id), at, 'assigned', null));
      conversations.addQueueVisit(id, F.queueX, at);
      conversations.setParticipant(id, F.users.p1, 'assignee', at);
    });
    for (let from = 0; from < size; from += 1000) writer.write((tx) => insertMessages(tx, id, from, Math.min(size, from + 1000), at));
  });
}

async function serve(dataDir: string): Promise<void> {
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: true, demoData: false, logger: false, customerRateLimits: BENCH_CUSTOMER_LIMITS });
  const started = Date.now();
  await seedFixtureOrg(internals, started);
  seed(internals, started);
  serveUntilStdinEnds(server, { seedMs: Date.now() - started });
}

const fmt = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms (n=${sorted.length})`;
};

/**
 * With --profile, runs `task` under the CDP sampling profiler and prints the functions with the
 * most self time (what dominates a figure that misses its target).
 */
async function profiled<T>(page: Page, label: string, task: () => Promise<T>): Promise<T> {
  if (!PROFILE) return task();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await task();
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const gaps = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (gaps[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  profile of ${label} (${total.toFixed(0)} ms sampled), top self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${ms.toFixed(0).padStart(6)} ms ${key}`);
  await cdp.detach();
  return result;
}

/** Installs the page-side instruments once: longtask observer and an "after paint" helper. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const longTasks: number[] = [];
    w.__longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    w.__afterPaint = (done: (at: number) => void) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      });
  });
}

/** 1: click on the chat's row in the agent's list → after paint of its thread. */
async function openChat(page: Page, conversationId: string): Promise<number> {
  await page.evaluate((id) => {
    const w = window as unknown as { __open: Promise<number>; __afterPaint(done: (at: number) => void): void };
    w.__open = new Promise<number>((resolve) => {
      const row = document.querySelector(`[data-testid="conversation-row"][data-id="${id}"]`)!;
      row.addEventListener(
        'click',
        (event) => {
          const clicked = event.timeStamp;
          const shown = () => document.querySelector(`[data-testid="chat-pane"][data-conversation="${id}"] [data-testid="message-body"]`);
          const done = () => w.__afterPaint((at) => resolve(at - clicked));
          if (shown()) return done();
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            done();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { once: true, capture: true },
      );
    });
  }, conversationId);
  await page.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`).click();
  return page.evaluate(() => (window as unknown as { __open: Promise<number> }).__open);
}

/** 2: rAF deltas and long tasks during a scripted wheel scroll over the element. */
async function scroll(page: Page, selector: string, steps: number): Promise<string> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __longTasks: number[]; __stop: boolean };
    w.__frames = [];
    w.__longTasks.length = 0;
    w.__stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  const before = await page.locator(selector).evaluate((el) => el.scrollTop);
  for (let i = 0; i < steps; i += 1) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(16);
  }
  const { frames, longTasks, travelled } = await page.locator(selector).evaluate((el, from) => {
    const w = window as unknown as { __frames: number[]; __longTasks: number[]; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames, longTasks: [...w.__longTasks], travelled: el.scrollTop - from };
  }, before);
  const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
  const sorted = [...frames].sort((a, b) => a - b);
  return (
    `mean frame ${mean.toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms over ${frames.length} frames ` +
    `(${frames.filter((f) => f > 16.7 * 1.5).length} over 25 ms), ${travelled} px scrolled; ` +
    `long tasks > 50 ms: ${longTasks.length}${longTasks.length ? ` (max ${Math.max(...longTasks).toFixed(0)} ms)` : ''}`
  );
}

/**
 * 3: keydown → after paint in the composer; and keydown → the end of the task that handled its
 * input event (React's render of it included): the work a keystroke costs, without the wait for the
 * next frame that the first figure holds (up to 16.7 ms however little the page does).
 */
async function typeInComposer(page: Page, letters: number): Promise<{ painted: number[]; handled: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __handled: number[]; __afterPaint(done: (at: number) => void): void };
    w.__keys = [];
    w.__handled = [];
    let down = 0;
    document.addEventListener(
      'keydown',
      (event) => {
        down = event.timeStamp;
        w.__afterPaint((at) => w.__keys.push(at - event.timeStamp));
      },
      { capture: true },
    );
    document.addEventListener(
      'input',
      () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.__handled.push(performance.now() - down);
        channel.port2.postMessage(null);
      },
      { capture: true },
    );
  });
  await page.getByTestId('composer-input').click();
  const text = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < letters; i += 1) await page.keyboard.type(text[i % text.length]!, { delay: 0 }).then(() => page.waitForTimeout(30));
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __handled: number[] };
    return { painted: w.__keys, handled: w.__handled };
  });
}

/** 4: customer POST → text in the open thread's DOM, on Date.now() in both processes. */
async function liveMessages(page: Page, serverUrl: string, count: number): Promise<number[]> {
  await page.evaluate(() => {
    const seen = new Map<number, number>();
    (window as unknown as { __seen: Map<number, number> }).__seen = seen;
    const thread = document.querySelector('[data-testid="chat-pane"]')!;
    new MutationObserver((mutations) => {
      const at = Date.now();
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          for (const match of (node.textContent ?? '').matchAll(/bench-live-(\d+)\b/g)) if (!seen.has(Number(match[1]))) seen.set(Number(match[1]), at);
        }
      }
    }).observe(thread, { childList: true, subtree: true, characterData: true });
  });
  const lags: number[] = [];
  const random = seeded(3);
  for (let i = 0; i < count; i += 1) {
    const sent = Date.now();
    const response = await fetch(`${serverUrl}/api/customer/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${F.tokens.c4}` },
      body: JSON.stringify({ queueId: F.queueX, conversationId: LIVE_ID, text: `您好 bench-live-${i} 退款进度` }),
    });
    if (!response.ok) throw new Error(`customer message: ${response.status} ${await response.text()}`);
    const handle = await page.waitForFunction((n) => (window as unknown as { __seen: Map<number, number> }).__seen.get(n), i, { polling: 'raf', timeout: 10_000 });
    lags.push(Number(await handle.jsonValue()) - sent);
    await new Promise((resolve) => setTimeout(resolve, 50 + random() * 100));
  }
  return lags;
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-workstation-ui-'));
  const server = await spawnServer([join(dir, 'server'), '--resolved', String(RESOLVED)]);
  const core = createCore(testCoreOptions({ dataDir: join(dir, 'core') }));
  let progress: SyncProgress | null = null;
  core.hub.subscribe('sync.progress', (payload) => (progress = payload as SyncProgress));
  const host = await startHost({ core, rendererDir: join(root, 'dist', 'renderer') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    console.log(`server seeded ${RESOLVED} resolved + ${ACTIVE.length} active chats (${ACTIVE.reduce((n, c) => n + c.size, 0) + RESOLVED * 2} messages) in ${(Number(server.info.seedMs) / 1000).toFixed(1)} s`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByTestId('login-server').fill(server.url);
    await page.getByTestId('login-username').fill('p1');
    await page.getByTestId('login-password').fill(FIXTURE_PASSWORD);
    const signIn = performance.now();
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workstation-frame').waitFor({ timeout: 60_000 });
    const synced = () => progress as SyncProgress | null;
    while (!(synced()?.phase === 'idle' && synced()?.syncedAt)) await new Promise((resolve) => setTimeout(resolve, 100));
    await page.locator('[data-testid="conversation-row"]').nth(ACTIVE.length - 1).waitFor({ state: 'attached' });
    console.log(`first sync: ${synced()!.done} rows in ${((performance.now() - signIn) / 1000).toFixed(1)} s; ${await page.getByTestId('chat-tab').count()} chats open`);
    await instrument(page);

    // 1. Opening the 5,000-message chat, alternating with a small one.
    const opens: number[] = [];
    await profiled(page, 'opening', async () => {
      for (let i = 0; i < 10; i += 1) {
        opens.push(await openChat(page, OPEN_ID));
        await openChat(page, LIVE_ID);
      }
    });
    console.log(`open a chat of 5,000 messages (click → after paint of its thread; its latest 50 are read): first ${opens[0]!.toFixed(1)} ms, ${fmt(opens)}`);

    // 2. Scrolling the resolved-today list and the 10,000-message thread.
    await openChat(page, SCROLL_ID);
    const loading = performance.now();
    let pages = 1;
    while (await page.getByTestId('load-older').isVisible()) {
      const height = await page.getByTestId('message-thread').evaluate((el) => el.scrollHeight);
      await page.getByTestId('load-older').click();
      await page.waitForFunction((h) => document.querySelector('[data-testid="message-thread"]')!.scrollHeight > h, height);
      pages += 1;
    }
    console.log(`  ${pages} pages of the 10,000-message thread loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
    await page.getByTestId('message-thread').evaluate((el) => (el.scrollTop = 0));
    console.log(`scroll the 10,000-message thread: ${await scroll(page, '[data-testid="message-thread"]', 150)}`);

    if (RESOLVED > 0) {
      await page.getByTestId('list-filter').getByText(/^(今日解决|Resolved) /).click();
      const rows = await page.getByTestId('list-filter').locator('.ant-segmented-item-selected').innerText();
      console.log(`scroll the conversation list (${rows}): ${await scroll(page, '[data-testid="conversation-list"]', 150)}`);
      await page.getByTestId('list-filter').getByText(/^(进行中|Active) /).click();
    }

    // 3. Keystrokes in the composer of the live chat, 10 chats open.
    await openChat(page, LIVE_ID);
    const tabs = await page.getByTestId('chat-tab').count();
    const keys = await profiled(page, 'typing', () => typeInComposer(page, 200));
    console.log(`keystroke → after paint in the composer (${tabs} chats open): ${fmt(keys.painted)}`);
    console.log(`keystroke → its input handled (rendered, before the frame): ${fmt(keys.handled)}`);
    console.log(`  input handled → after paint, per keystroke: ${fmt(keys.handled.map((at, i) => keys.painted[i]! - at))}`);

    // 4. Customer messages into the open chat.
    console.log(`customer POST → text in the agent's DOM: ${fmt(await profiled(page, 'live messages', () => liveMessages(page, server.url, LIVE_MESSAGES)))}`);
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
