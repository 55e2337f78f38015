import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerWithInternals } from '../../src/server/app';
import { F, seedFixtureOrg } from '../../src/server/testing/fixtures';
import { percentile } from './corpus';
import { BENCH_CUSTOMER_LIMITS, connectAgents, postJson, seedAgents, seedHistory, serveUntilStdinEnds, spawnServer, type AgentFrame as Frame, type AgentSocket as Agent } from './serverChild';

/*
 * Live figures with N agent sockets connected (default 1,000, all online in team X) to a child
 * server that also holds --history messages (default 100,000) in queue X:
 *  1. offer latency: a new customer's first message (POST) → the offers.changed event at an agent;
 *     the agent accepts, so each of these chats ends up assigned (sequential, 200 chats);
 *  2. push fan-out: a customer message in an assigned chat (POST) → the rows frame holding it at
 *     the assignee's socket, at 50 messages/s spread over those chats (1,000 messages);
 *  3. mutation throughput: agents' messages.send over POST /api/mutations, 16 in flight, for 10 s,
 *     each acknowledged after its commit (synchronous = FULL).
 * Run: node tests/bench/run.mjs serverLive --agents 1000 --history 100000
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const AGENTS = arg('--agents', 1000);
const HISTORY = arg('--history', 100_000);
const CHATS = 200;
const MESSAGES = 1000;
const RATE = 50;

async function serve(dataDir: string): Promise<void> {
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: false, logger: false , customerRateLimits: BENCH_CUSTOMER_LIMITS });
  const now = Date.now();
  await seedFixtureOrg(internals, now);
  seedHistory(internals, HISTORY, now);
  const tokens = seedAgents(internals, AGENTS, now);
  serveUntilStdinEnds(server, { seedMs: Date.now() - now, tokens });
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-live-'));
  const server = await spawnServer([join(dir, 'server'), '--agents', String(AGENTS), '--history', String(HISTORY)]);
  console.log(`server: ${HISTORY} history messages and ${AGENTS} agents seeded in ${(Number(server.info.seedMs) / 1000).toFixed(1)} s`);
  const tokens = server.info.tokens as string[];

  // Every frame goes through one handler; waiters match on it.
  const waiters = new Set<{ match: (frame: Frame, agent: Agent) => boolean; resolve: (at: number, agent: Agent) => void }>();
  const waitFor = (match: (frame: Frame, agent: Agent) => boolean) =>
    new Promise<{ at: number; agent: Agent }>((resolve) => {
      const waiter = { match, resolve: (at: number, agent: Agent) => resolve({ at, agent }) };
      waiters.add(waiter);
    });
  // Offers can arrive before the customer's POST is answered: recorded as they come.
  const firstOffer = new Map<string, { at: number; agent: Agent }>();
  const agents = await connectAgents(server.url, tokens, (frame, agent, at) => {
    const offered = frame.t === 'event' && frame.name === 'offers.changed' ? frame.payload?.conversationId : undefined;
    if (offered && !firstOffer.has(offered)) firstOffer.set(offered, { at, agent });
    for (const waiter of waiters) {
      if (waiter.match(frame, agent)) {
        waiters.delete(waiter);
        waiter.resolve(at, agent);
      }
    }
  });
  console.log(`${agents.length} agent sockets connected and online; server ${JSON.stringify(await server.usage())}`);

  const post = (path: string, token: string | null, body: unknown) => postJson(server.url + path, token, body);

  // 1. offers
  const offers: number[] = [];
  const chats: { conversationId: string; customerToken: string; agent: Agent }[] = [];
  for (let c = 0; c < CHATS; c += 1) {
    const session = (await post('/api/customer/sessions', null, {})) as { token: string };
    const started = performance.now();
    const { conversationId } = (await post('/api/customer/messages', session.token, { queueId: F.queueX, text: `你好，退款什么时候到账 ${c}` })) as { conversationId: string };
    while (!firstOffer.has(conversationId)) await new Promise((resolve) => setTimeout(resolve, 1));
    const { at, agent } = firstOffer.get(conversationId)!;
    offers.push(at - started);
    await post('/api/mutations', agent.token, { clientId: `accept-${c}`, mutations: [{ id: `accept-${c}`, name: 'conversations.accept', args: { conversationId } }] });
    chats.push({ conversationId, customerToken: session.token, agent });
  }
  offers.sort((a, b) => a - b);
  console.log(`offer latency (customer POST → offers.changed at an agent), ${CHATS} chats: p50 ${percentile(offers, 50).toFixed(1)} ms, p99 ${percentile(offers, 99).toFixed(1)} ms`);

  // 2. push fan-out
  const before = await server.usage();
  const deliveries: number[] = [];
  const acks: number[] = [];
  const pending: Promise<void>[] = [];
  const startedAll = performance.now();
  for (let m = 0; m < MESSAGES; m += 1) {
    const due = startedAll + (m * 1000) / RATE;
    while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, 1));
    const chat = chats[m % chats.length]!;
    const text = `push ${m} 请问物流到哪了`;
    const started = performance.now();
    const delivered = waitFor((frame, agent) => agent === chat.agent && frame.t === 'rows' && frame.rows!.some((r) => r.entity === 'messages' && r.data.body === text));
    pending.push(
      (async () => {
        await post('/api/customer/messages', chat.customerToken, { queueId: F.queueX, conversationId: chat.conversationId, text });
        acks.push(performance.now() - started);
        deliveries.push((await delivered).at - started);
      })(),
    );
  }
  await Promise.all(pending);
  const after = await server.usage();
  deliveries.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  const seconds = (performance.now() - startedAll) / 1000;
  console.log(
    `push fan-out (customer POST → rows frame at the assignee, ${AGENTS} sockets, ${RATE} msg/s): p50 ${percentile(deliveries, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(deliveries, 99).toFixed(1)} ms; the POST's own answer p50 ${percentile(acks, 50).toFixed(1)} ms, p99 ${percentile(acks, 99).toFixed(1)} ms; ` +
      `server CPU ${(((after.cpuMs - before.cpuMs) / 1000 / seconds) * 100).toFixed(0)}% of a core, RSS ${after.rssMb} MB`,
  );

  // 3. mutation throughput
  let sent = 0;
  const until = performance.now() + 10_000;
  const mutationStart = await server.usage();
  await Promise.all(
    Array.from({ length: 16 }, async (_, lane) => {
      for (let n = 0; performance.now() < until; n += 1) {
        const chat = chats[(lane + n * 16) % chats.length]!;
        const id = `send-${lane}-${n}`;
        const answer = (await post('/api/mutations', chat.agent.token, {
          clientId: `lane-${lane}`,
          mutations: [{ id, name: 'messages.send', args: { conversationId: chat.conversationId, text: `reply ${id}` } }],
        })) as { results: { status: string }[] };
        if (answer.results[0]?.status === 'applied') sent += 1;
      }
    }),
  );
  const mutationEnd = await server.usage();
  console.log(`mutation throughput (messages.send, 16 in flight, synchronous=FULL): ${Math.round(sent / 10)} /s; server CPU ${((mutationEnd.cpuMs - mutationStart.cpuMs) / 100).toFixed(0)}% of a core, RSS ${mutationEnd.rssMb} MB`);

  for (const agent of agents) agent.socket.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
