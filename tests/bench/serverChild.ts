import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { RunningServer } from '../../src/server/app';
import type { ServerInternals } from '../../src/server/app';
import { hashSessionToken, newSessionToken } from '../../src/server/accounts/tokens';
import type { CustomerRateLimits } from '../../src/server/customerChat/limits';
import { F, FIXTURE_PASSWORD } from '../../src/server/testing/fixtures';
import type { Conversation } from '../../src/shared/domain/conversations';
import { seeded, sentence } from './corpus';

/*
 * The server benchmarks run the server in a child process (this same bundle with `--serve`), so
 * the load generator's work and the server's show up separately and RSS is the server's own.
 * The child prints one `ready <url> <json>` line once it is seeded and listening, and stops when
 * its stdin closes.
 */

/**
 * The benchmarks' customers are thousands of sessions on one address (127.0.0.1), and some post
 * back to back from one session to time each message: a production server would answer them 429
 * (src/server/customerChat/limits.ts). The limits stay in place (their cost is measured) but are
 * out of reach.
 */
const OUT_OF_REACH = { limit: Number.MAX_SAFE_INTEGER, windowMs: 1_000 };
export const BENCH_CUSTOMER_LIMITS: CustomerRateLimits = {
  sessionsPerIp: OUT_OF_REACH,
  messagesPerIp: OUT_OF_REACH,
  messagesPerSession: OUT_OF_REACH,
  framesPerSession: OUT_OF_REACH,
};

export interface ChildServer {
  url: string;
  /** what the child reported when ready (seeding time, tokens …) */
  info: Record<string, unknown>;
  /** the child's RSS and CPU time so far, as it reports them on request */
  usage(): Promise<{ rssMb: number; cpuMs: number }>;
  stop(): Promise<void>;
  /** SIGKILL: no close, no flush, what a crash or a power cut leaves behind */
  kill(): Promise<void>;
}

/**
 * `script` is the bundle to run with `--serve` (a benchmark runs itself; a test names its child);
 * `nodeArgs` go to the child's node (e.g. `--cpu-prof` to profile the server under load).
 */
export async function spawnServer(args: readonly string[], script = process.argv[1]!, nodeArgs: readonly string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, script, '--serve', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const exited = new Promise<never>((_resolve, reject) => child.on('exit', (code) => reject(new Error(`server exited ${code}`))));
  const ready = await Promise.race([nextLine(), exited]);
  const [, url, json] = /^ready (\S+) (.*)$/.exec(ready) ?? [];
  if (!url) throw new Error(`unexpected line from the server: ${ready}`);
  return {
    url,
    info: JSON.parse(json!) as Record<string, unknown>,
    async usage() {
      child.stdin!.write('usage\n');
      return JSON.parse(await nextLine()) as { rssMb: number; cpuMs: number };
    },
    async stop() {
      child.stdin!.end();
      await new Promise((resolve) => child.on('exit', resolve));
    },
    async kill() {
      const gone = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** In the child: report readiness, answer `usage` requests, close when stdin ends. */
export function serveUntilStdinEnds(server: RunningServer, info: Record<string, unknown>): void {
  console.log(`ready ${server.url} ${JSON.stringify(info)}`);
  createInterface({ input: process.stdin }).on('line', () => {
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ rssMb: Math.round(process.memoryUsage().rss / 1048576), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
  });
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
}

/**
 * Past conversations in queue X (10 messages each, resolved), written straight through the
 * stores in transactions of 1,000 conversations: the history a pull has to deliver.
 */
export function seedHistory(internals: ServerInternals, messageCount: number, now: number): void {
  const { writer, conversations, messages } = internals.domain;
  const random = seeded(11);
  const perConversation = 10;
  const total = Math.ceil(messageCount / perConversation);
  const customers = Object.values(F.customers);
  for (let from = 0; from < total; from += 1000) {
    writer.write((tx) => {
      for (let c = from; c < Math.min(from + 1000, total); c += 1) {
        const id = `hist-${c}`;
        const at = now - (total - c) * 60_000;
        conversations.insertConversation(tx, {
          id, customerId: customers[c % customers.length]!, queueId: F.queueX, shopId: null, channel: 'chat', status: 'resolved', assigneeId: null,
          orderId: null, createdAt: at, queuedAt: at, assignedAt: null, firstResponseAt: null, lastCustomerAt: at, lastAgentAt: null,
          resolvedAt: at + 600_000, closedAt: null, category: 'history', csat: null, escalatedFromQueueId: null,
        } as Conversation);
        conversations.addQueueVisit(id, F.queueX, at);
        for (let m = 0; m < perConversation; m += 1) {
          messages.insertMessage(tx, {
            id: `hist-${c}-${m}`, conversationId: id, senderKind: m % 2 ? 'agent' : 'customer', senderId: null, kind: 'text',
            body: sentence(random), event: null, articleId: null, createdAt: at + m * 5_000, platformOnly: false, clientMutationId: null,
          } as Parameters<typeof messages.insertMessage>[1]);
        }
      }
    });
  }
}

/** `count` agents `bench-agent-<i>` in team X (capacity 5), each with a session; returns their tokens. */
export function seedAgents(internals: ServerInternals, count: number, now: number): string[] {
  const { domain, accountsStore } = internals;
  const ids = Array.from({ length: count }, (_, i) => `bench-agent-${i}`);
  accountsStore.insertUsers(ids.map((id) => ({ id, username: id, displayName: id, role: 'agent', teamKind: 'platform', passwordHash: 'x', createdAt: now })));
  domain.writer.write((tx) => {
    for (const id of ids) {
      domain.org.setSeatProfile(tx, id, { shopId: null, skills: [], maxConcurrent: 5 });
      domain.org.addTeamMember(tx, F.teamX, id);
    }
  });
  return ids.map((id) => {
    const token = newSessionToken();
    accountsStore.insertSession({ tokenHash: hashSessionToken(token), userId: id, createdAt: now, expiresAt: now + 86_400_000 });
    return token;
  });
}

export interface AgentSocket {
  id: string;
  token: string;
  socket: WebSocket;
}

export type AgentFrame = {
  t: string;
  name?: string;
  payload?: { conversationId?: string };
  rows?: { entity: string; id: string; seq: number; data: { body?: string; conversationId?: string; senderKind?: string } }[];
  results?: unknown[];
};

/**
 * Connects one socket per token (50 at a time) to /api/ws and sets each online; every frame
 * after that goes to `onFrame` with the time it arrived. Resolves once all are online.
 */
export async function connectAgents(serverUrl: string, tokens: readonly string[], onFrame: (frame: AgentFrame, agent: AgentSocket, at: number) => void): Promise<AgentSocket[]> {
  const wsUrl = serverUrl.replace('http', 'ws') + '/api/ws';
  const agents: AgentSocket[] = [];
  for (let i = 0; i < tokens.length; i += 50) {
    await Promise.all(
      tokens.slice(i, i + 50).map(
        (token, k) =>
          new Promise<void>((resolve, reject) => {
            const socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${token}` } });
            const agent: AgentSocket = { id: `bench-agent-${i + k}`, token, socket };
            let online = false;
            socket.on('message', (data) => {
              const at = performance.now();
              const frame = JSON.parse(String(data)) as AgentFrame;
              if (frame.t === 'hello') {
                socket.send(JSON.stringify({ t: 'mutate', clientId: `bench-${i + k}`, mutations: [{ id: 'online', name: 'presence.set', args: { presence: 'online' } }] }));
              } else if (frame.t === 'mutated' && !online) {
                online = true;
                agents.push(agent);
                resolve();
              }
              onFrame(frame, agent, at);
            });
            socket.on('error', reject);
          }),
      ),
    );
  }
  return agents;
}

/** POSTs JSON (with a bearer token when given) and returns the answer's JSON; throws on a non-2xx. */
export async function postJson(url: string, token: string | null, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${new URL(url).pathname}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Signs a user in over HTTP and returns their session token (the fixture password unless given). */
export async function signIn(serverUrl: string, username: string, password = FIXTURE_PASSWORD): Promise<string> {
  const { token } = await postJson(`${serverUrl}/api/auth/login`, null, { username, password });
  return token as string;
}
