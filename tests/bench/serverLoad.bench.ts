import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startServerWithInternals } from '../../src/server/app';
import { F, seedFixtureOrg } from '../../src/server/testing/fixtures';
import { percentile } from './corpus';
import { BENCH_CUSTOMER_LIMITS, connectAgents, seedAgents, serveUntilStdinEnds, spawnServer, type AgentSocket } from './serverChild';

/*
 * The full load of issue 3: one server process (a child, so its RSS and CPU are its own) with
 * --agents agent sockets online (default 1,000) and --customers customer sockets (default 5,000),
 * each customer in a chat assigned to an agent (5 per agent), exchanging --rate messages/s
 * (default 1,000) for --seconds (default 60). Half are customer messages (POST, answered after
 * the commit); the assignee answers each one it receives over its socket (messages.send, acknowledged
 * after the commit). Every message is counted by id where it should arrive: customer → assignee's
 * socket, agent → customer's socket; lost = acknowledged and never arrived, duplicated = the same
 * id and seq arrived twice.
 * Run: node tests/bench/run.mjs serverLoad --agents 1000 --customers 5000 --rate 1000 --seconds 60
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const AGENTS = arg('--agents', 1000);
const CUSTOMERS = arg('--customers', 5000);
const RATE = arg('--rate', 1000);
const SECONDS = arg('--seconds', 60);
/** `--profile <dir>`: the server child runs with `--cpu-prof` and writes its profile there on exit */
const profileAt = process.argv.indexOf('--profile');
const PROFILE_DIR = profileAt > 0 ? process.argv[profileAt + 1] : undefined;
/** how long after the last send a message may still arrive before it counts as lost */
const DRAIN_MS = 10_000;

async function serve(dataDir: string): Promise<void> {
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: false, logger: false , customerRateLimits: BENCH_CUSTOMER_LIMITS });
  const now = Date.now();
  await seedFixtureOrg(internals, now);
  serveUntilStdinEnds(server, { tokens: seedAgents(internals, AGENTS, now) });
}

/**
 * The generator's POSTs go over a fixed pool of keep-alive connections. With fetch (undici's
 * pool opens another connection whenever all are busy), a server falling behind received
 * thousands of new connections at once: they overflowed its accept queue into 10 s connect
 * timeouts, and fetch cost the generator more CPU per POST than the server's own handling.
 * A POST waiting for a free connection now waits here, and that wait counts in its latency
 * (timed from when the message was due).
 */
const pool = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, token: string | null, body: unknown): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: pool,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode === 200) resolve(JSON.parse(text) as Record<string, unknown>);
        else reject(new Error(`${new URL(url).pathname}: ${response.statusCode} ${text}`));
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

interface Chat {
  conversationId: string;
  customerToken: string;
  agent: number;
}

/** Runs `work(i)` for i in [0, count) with `lanes` in flight. */
async function inLanes(count: number, lanes: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < count) await work(next++);
  }));
}

/** First arrival per message (keyed as it was sent), and the same row (id, version) seen more than once. */
class Arrivals {
  readonly first = new Map<string, number>();
  private readonly seen = new Set<string>();
  duplicated = 0;

  add(key: string, row: string, at: number): boolean {
    if (this.seen.has(row)) this.duplicated += 1;
    this.seen.add(row);
    if (this.first.has(key)) return false;
    this.first.set(key, at);
    return true;
  }
}

function report(name: string, started: Map<string, number>, acked: Set<string>, arrivals: Arrivals): void {
  const latencies = [...arrivals.first].filter(([id]) => started.has(id)).map(([id, at]) => at - started.get(id)!).sort((a, b) => a - b);
  const lost = [...acked].filter((id) => !arrivals.first.has(id)).length;
  console.log(
    `${name}: ${started.size} sent, ${acked.size} acknowledged, ${latencies.length} delivered; ` +
      `delivery p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms; ` +
      `lost ${lost}, duplicated ${arrivals.duplicated}`,
  );
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-load-'));
  const server = await spawnServer([join(dir, 'server'), '--agents', String(AGENTS)], undefined, PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []);
  const tokens = server.info.tokens as string[];

  // Chats: each customer's first message, accepted by agent (customer mod agents) while no agent
  // is online, so routing offers nothing meanwhile.
  const setup = performance.now();
  const chats: Chat[] = new Array(CUSTOMERS);
  await inLanes(CUSTOMERS, 32, async (c) => {
    const { token } = (await post(server.url + '/api/customer/sessions', null, {})) as { token: string };
    const { conversationId } = (await post(server.url + '/api/customer/messages', token, { queueId: F.queueX, text: `你好 ${c}` })) as { conversationId: string };
    const agent = c % AGENTS;
    await post(server.url + '/api/mutations', tokens[agent]!, { clientId: `setup-${c}`, mutations: [{ id: `accept-${c}`, name: 'conversations.accept', args: { conversationId } }] });
    chats[c] = { conversationId, customerToken: token, agent };
  });
  console.log(`${CUSTOMERS} chats opened and assigned in ${((performance.now() - setup) / 1000).toFixed(1)} s`);

  // What each side should receive: customer messages keyed by their (unique) text, since a row can
  // reach the agent before the POST is answered; replies by the message id the agent chose.
  const sentAt = { customer: new Map<string, number>(), agent: new Map<string, number>() };
  const acked = { customer: new Set<string>(), agent: new Set<string>() };
  const atAgent = new Arrivals();
  const atCustomer = new Arrivals();
  let loadRunning = false;
  let replies = 0;

  const agents: AgentSocket[] = await connectAgents(server.url, tokens, (frame, agent, at) => {
    if (frame.t === 'mutated' && loadRunning) {
      for (const result of frame.results as { id: string; status: string }[]) if (result.status === 'applied') acked.agent.add(`reply-${result.id}`);
    }
    if (frame.t !== 'rows') return;
    for (const row of frame.rows!) {
      if (row.entity !== 'messages' || row.data.senderKind !== 'customer' || !sentAt.customer.has(row.data.body!)) continue;
      // The assignee answers each customer message once, over its socket.
      if (atAgent.add(row.data.body!, `${row.id}@${row.seq}`, at)) {
        replies += 1;
        const id = `${replies}`;
        sentAt.agent.set(`reply-${id}`, performance.now());
        agent.socket.send(JSON.stringify({ t: 'mutate', clientId: agent.id, mutations: [{ id, name: 'messages.send', args: { conversationId: row.data.conversationId, text: `好的，马上处理 ${id}`, messageId: `reply-${id}` } }] }));
      }
    }
  });
  const connected = await server.usage();
  console.log(`${agents.length} agent sockets online; server RSS ${connected.rssMb} MB`);

  const customerUrl = server.url.replace('http', 'ws') + '/api/customer/ws';
  const customers: WebSocket[] = [];
  await inLanes(CUSTOMERS, 50, async (c) => {
    const socket = new WebSocket(customerUrl, { headers: { authorization: `Bearer ${chats[c]!.customerToken}` } });
    socket.on('message', (data) => {
      const at = performance.now();
      const frame = JSON.parse(String(data)) as { t: string; name?: string; payload?: { message?: { id: string; senderKind: string; createdAt: number } } };
      const message = frame.t === 'event' && frame.name === 'messages.changed' ? frame.payload?.message : undefined;
      if (message?.senderKind === 'agent' && sentAt.agent.has(message.id)) atCustomer.add(message.id, `${message.id}@${message.createdAt}`, at);
    });
    await new Promise((resolve, reject) => {
      socket.once('message', resolve); // the hello
      socket.once('error', reject);
    });
    customers.push(socket);
  });
  const before = await server.usage();
  console.log(`${customers.length} customer sockets connected; server RSS ${before.rssMb} MB`);

  // Customer messages at half the rate (each is answered), spread evenly, round-robin over chats.
  loadRunning = true;
  const generatorBefore = process.cpuUsage();
  const customerRate = RATE / 2;
  const total = Math.round(customerRate * SECONDS);
  const started = performance.now();
  const posts: Promise<void>[] = [];
  let failed = 0;
  let failure: string | undefined;
  const answers: number[] = [];
  for (let n = 0; n < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * customerRate));
    for (; n < due; n += 1) {
      const chat = chats[(n * 7919) % CUSTOMERS]!;
      const text = `请问物流到哪了 ${n}`;
      sentAt.customer.set(text, performance.now());
      posts.push(
        post(server.url + '/api/customer/messages', chat.customerToken, { queueId: F.queueX, conversationId: chat.conversationId, text, clientMessageId: `load-${n}` }).then(
          () => {
            acked.customer.add(text);
            answers.push(performance.now() - sentAt.customer.get(text)!);
          },
          (error: Error) => {
            failed += 1;
            failure ??= String((error.cause as Error | undefined)?.message ?? error.message);
          },
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(posts);
  const loaded = await server.usage();
  const answeredSeconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(generatorBefore);
  const drainUntil = performance.now() + DRAIN_MS;
  while (performance.now() < drainUntil && (atAgent.first.size < acked.customer.size || atCustomer.first.size < sentAt.agent.size)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await server.usage();

  console.log(`load: ${AGENTS} agents, ${CUSTOMERS} customers, target ${RATE} messages/s for ${SECONDS} s; ${failed} customer POSTs failed${failure ? ` (first: ${failure})` : ''}`);
  answers.sort((x, y) => x - y);
  console.log(`customer POST answered (committed): p50 ${percentile(answers, 50).toFixed(1)} ms, p99 ${percentile(answers, 99).toFixed(1)} ms`);
  report('customer → agent', sentAt.customer, acked.customer, atAgent);
  report('agent → customer', sentAt.agent, acked.agent, atCustomer);
  console.log(
    `achieved ${((acked.customer.size + acked.agent.size) / seconds).toFixed(0)} messages/s acknowledged (sending took ${sendSeconds.toFixed(1)} s); ` +
      `server CPU ${(((loaded.cpuMs - before.cpuMs) / 1000 / answeredSeconds) * 100).toFixed(0)}% of a core until the last POST was answered (${answeredSeconds.toFixed(1)} s), RSS ${loaded.rssMb} MB (${after.rssMb} MB at the end); ` +
      `load generator CPU ${(((generator.user + generator.system) / 1e6 / sendSeconds) * 100).toFixed(0)}% of a core`,
  );
  // Per message, CPU time moves much less than wall time with the load of a shared machine.
  const messages = acked.customer.size + acked.agent.size;
  console.log(
    `CPU per acknowledged message: server ${((after.cpuMs - before.cpuMs) / messages).toFixed(2)} ms (until the last arrival), ` +
      `load generator ${((generator.user + generator.system) / 1000 / messages).toFixed(2)} ms (while sending)`,
  );

  for (const socket of [...customers, ...agents.map((a) => a.socket)]) socket.close();
  pool.destroy();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
