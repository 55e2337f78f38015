import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { hashPassword } from '../../src/server/accounts/passwords';
import { hashSessionToken } from '../../src/server/accounts/tokens';
import { startServerWithInternals, type ServerInternals } from '../../src/server/app';
import type { Conversation } from '../../src/shared/domain/conversations';
import { BENCH_CUSTOMER_LIMITS, serveUntilStdinEnds, signIn, spawnServer } from './serverChild';

/*
 * How far behind the team-lead monitor runs under load. A child server holds 20 platform teams of
 * 50 agents (1,000, all online, 5 chats each, assigned automatically), one queue and one lead per
 * team, and 5,000 customers. This process signs the 20 leads in with a socket each and sends
 * customer messages at --rate per second for --seconds (first messages open conversations, later
 * ones follow up). Lag = arrival of the first `monitor.changed` on the lead's socket that carries
 * the message's queue and was computed (its `at`) after the message was stored (its `createdAt`,
 * the same server clock), minus the moment the message was sent: the HTTP round trip is included.
 * "From commit" is that arrival minus `createdAt` (both processes share the machine's clock).
 * Reports p50/p99/max lag, events per lead, and the server's RSS and CPU. `--today N` first writes N
 * text messages of the past hour (resolved chats of 10, each answered by one of the 1,000 agents):
 * the day's history every full look reads.
 * Run: node tests/bench/run.mjs monitor --rate 200 --seconds 40 [--today 200000]
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const TEAMS = 20;
const AGENTS_PER_TEAM = 50;
const CUSTOMERS = arg('customers', 5000);
const RATE = arg('rate', 200);
const SECONDS = arg('seconds', 40);
const TODAY_MESSAGES = arg('today', 0);
const PASSWORD = 'bench-password';
const token = (i: number) => `bench-customer-${String(i).padStart(6, '0')}-0123456789abcdef`;
const queueOf = (team: number) => `bq-${team}`;

async function serve(dataDir: string): Promise<void> {
  // The monitorWindow benchmark starts this same server: both send 5,000 customers' messages from one address.
  const { server, internals } = await startServerWithInternals({ dataDir, port: 0, demo: false, logger: false, acceptMode: 'auto', customerRateLimits: BENCH_CUSTOMER_LIMITS });
  const { domain, accountsStore } = internals;
  const now = Date.now();
  const passwordHash = await hashPassword(PASSWORD);
  const agents: string[] = [];
  domain.writer.write((tx) => {
    for (let team = 0; team < TEAMS; team += 1) {
      domain.org.insertTeam(tx, { id: `bt-${team}`, name: `Team ${team}`, kind: 'platform', shopId: null });
      domain.org.insertQueue(tx, { id: queueOf(team), name: `Queue ${team}`, kind: 'platform', shopId: null, teamIds: [`bt-${team}`], botFirst: false, channels: ['chat'], hours: '24x7', maxConcurrent: null });
    }
  });
  const users: Parameters<typeof accountsStore.insertUsers>[0][number][] = [];
  for (let team = 0; team < TEAMS; team += 1) {
    users.push({ id: `bl-${team}`, username: `blead${team}`, displayName: `Lead ${team}`, role: 'lead' as const, teamKind: 'platform' as const, passwordHash, createdAt: now });
    for (let a = 0; a < AGENTS_PER_TEAM; a += 1) {
      const id = `ba-${team}-${a}`;
      agents.push(id);
      users.push({ id, username: `bagent${team}x${a}`, displayName: `Agent ${team}-${a}`, role: 'agent' as const, teamKind: 'platform' as const, passwordHash, createdAt: now });
    }
  }
  accountsStore.insertUsers(users);
  // An admin (sees every team): the monitorWindow benchmark opens the window as them.
  accountsStore.insertUsers([{ id: 'b-admin', username: 'badmin', displayName: 'Admin', role: 'admin', teamKind: 'platform', passwordHash, createdAt: now }]);
  domain.writer.write((tx) => {
    for (const u of users) {
      const team = u.id.split('-')[1]!;
      domain.org.setSeatProfile(tx, u.id, { shopId: null, skills: [], maxConcurrent: 5 });
      domain.org.addTeamMember(tx, `bt-${team}`, u.id);
    }
    for (let i = 0; i < CUSTOMERS; i += 1) {
      domain.customers.insertCustomer(tx, { id: `bc-${i}`, name: `Customer ${i}`, level: 'normal', tags: [], phone: null, email: null, address: null, createdAt: now });
      domain.customerSessions.insertSession(tx, { tokenHash: hashSessionToken(token(i)), customerId: `bc-${i}`, createdAt: now, expiresAt: now + 24 * 3600_000 });
    }
  });
  seedToday(domain, agents, TODAY_MESSAGES, now);
  // Agents online in-process (no sockets of their own): the router assigns chats to them.
  for (const id of agents) {
    domain.routing.connected(id);
    domain.routing.setPresence(id, 'online');
  }
  serveUntilStdinEnds(server, { seedMs: Date.now() - now });
}

/** `count` text messages of the past hour: resolved chats of 10 messages, agent by agent in turn. */
function seedToday(domain: ServerInternals['domain'], agents: readonly string[], count: number, now: number): void {
  const { writer, conversations, messages } = domain;
  const total = Math.ceil(count / 10);
  for (let from = 0; from < total; from += 1000) {
    writer.write((tx) => {
      for (let c = from; c < Math.min(from + 1000, total); c += 1) {
        const id = `today-${c}`;
        const agent = agents[c % agents.length]!;
        const queueId = queueOf(Number(agent.split('-')[1]));
        const at = now - 3_600_000 + Math.floor((c * 3_000_000) / total);
        conversations.insertConversation(tx, {
          id, customerId: `bc-${c % CUSTOMERS}`, queueId, shopId: null, channel: 'chat', status: 'resolved', assigneeId: agent, orderId: null,
          createdAt: at, queuedAt: at, assignedAt: at + 5_000, firstResponseAt: at + 10_000, lastCustomerAt: at + 40_000, lastAgentAt: at + 45_000,
          resolvedAt: at + 50_000, closedAt: null, category: 'bench', csat: null, escalatedFromQueueId: null,
        } as Conversation);
        conversations.addQueueVisit(id, queueId, at);
        conversations.setParticipant(id, agent, 'assignee', at + 5_000);
        for (let m = 0; m < 10; m += 1) {
          messages.insertMessage(tx, {
            id: `${id}-${m}`, conversationId: id, senderKind: m % 2 ? 'agent' : 'customer', senderId: m % 2 ? agent : null, kind: 'text',
            body: `第${m}句`, event: null, articleId: null, createdAt: at + m * 5_000, platformOnly: false, clientMutationId: null,
          } as Parameters<typeof messages.insertMessage>[1]);
        }
      }
    });
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seatdesk-bench-monitor-'));
  const server = await spawnServer([join(dir, 'server')]);
  console.log(`server seeded ${TEAMS * AGENTS_PER_TEAM} agents, ${TEAMS} leads, ${CUSTOMERS} customers in ${(Number(server.info.seedMs) / 1000).toFixed(1)} s`);

  // Per queue: messages not yet seen in an event, and the events so far (an event may arrive before
  // the HTTP answer of a message it already counts). Wall-clock ms, shared with the child.
  const pending = new Map<string, { sent: number; createdAt: number }[]>();
  const seenEvents = new Map<string, { at: number; arrived: number }[]>();
  const lags: number[] = [];
  /** from the commit to the event: the monitor's own delay */
  const afterCommit: number[] = [];
  const record = (m: { sent: number; createdAt: number }, arrived: number) => {
    lags.push(arrived - m.sent);
    afterCommit.push(arrived - m.createdAt);
  };
  const roundTrips: number[] = [];
  const events = new Array<number>(TEAMS).fill(0);
  const sockets: WebSocket[] = [];
  for (let team = 0; team < TEAMS; team += 1) {
    const leadToken = await signIn(server.url, `blead${team}`, PASSWORD);
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`, { headers: { authorization: `Bearer ${leadToken}` } });
    await new Promise((resolve) => socket.once('message', resolve));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { t: string; name?: string; payload?: { at: number; queues: { queueId: string }[] } };
      if (frame.t !== 'event' || frame.name !== 'monitor.changed') return;
      const arrived = Date.now();
      events[team]! += 1;
      for (const q of frame.payload!.queues) {
        const at = frame.payload!.at;
        seenEvents.set(q.queueId, [...(seenEvents.get(q.queueId) ?? []).slice(-20), { at, arrived }]);
        // Only messages stored before the server computed this event are surely in it.
        const list = pending.get(q.queueId) ?? [];
        for (const m of list) if (m.createdAt < at) record(m, arrived);
        pending.set(q.queueId, list.filter((m) => m.createdAt >= at));
      }
    });
    sockets.push(socket);
  }

  const conversations = new Map<number, string>();
  let sent = 0;
  /** failed POSTs by HTTP status (429 would mean the customer rate limits were in reach) */
  const failed = new Map<number, number>();
  const started = performance.now();
  const before = await server.usage();
  const inFlight = new Set<Promise<void>>();
  while (performance.now() - started < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    while (sent < due && inFlight.size < 64) {
      const i = sent % CUSTOMERS;
      const team = i % TEAMS;
      sent += 1;
      const at = Date.now();
      const body = { queueId: queueOf(team), text: `第${sent}条消息`, ...(conversations.has(i) ? { conversationId: conversations.get(i) } : {}) };
      const request = fetch(`${server.url}/api/customer/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token(i)}` }, body: JSON.stringify(body),
      }).then(async (response) => {
        if (response.status !== 200) {
          failed.set(response.status, (failed.get(response.status) ?? 0) + 1);
          return;
        }
        const { conversationId, message } = (await response.json()) as { conversationId: string; message: { createdAt: number } };
        conversations.set(i, conversationId);
        roundTrips.push(Date.now() - at);
        const m = { sent: at, createdAt: message.createdAt };
        const already = (seenEvents.get(queueOf(team)) ?? []).find((e) => e.at > m.createdAt);
        if (already) record(m, already.arrived);
        else pending.set(queueOf(team), [...(pending.get(queueOf(team)) ?? []), m]);
      });
      const tracked = request.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(inFlight);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = await server.usage();
  for (const list of [lags, afterCommit, roundTrips]) list.sort((a, b) => a - b);
  const unseen = [...pending.values()].reduce((n, list) => n + list.length, 0);
  console.log(
    `${sent} messages in ${SECONDS} s (failed: ${JSON.stringify(Object.fromEntries(failed))}), ${conversations.size} conversations; ` +
      `monitor lag from send p50 ${percentile(lags, 50).toFixed(0)} ms, p99 ${percentile(lags, 99).toFixed(0)} ms, max ${(lags.at(-1) ?? NaN).toFixed(0)} ms over ${lags.length} messages (${unseen} never seen); ` +
      `from the commit p50 ${percentile(afterCommit, 50).toFixed(0)} ms, p99 ${percentile(afterCommit, 99).toFixed(0)} ms; ` +
      `HTTP round trip p50 ${percentile(roundTrips, 50).toFixed(0)} ms, p99 ${percentile(roundTrips, 99).toFixed(0)} ms; ` +
      `events per lead ${Math.min(...events)}–${Math.max(...events)} (${(events.reduce((a, b) => a + b, 0) / TEAMS / SECONDS).toFixed(1)}/s); ` +
      `server CPU ${((after.cpuMs - before.cpuMs) / 1000).toFixed(1)} s, RSS ${after.rssMb} MB`,
  );
  for (const socket of sockets) socket.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt > 0) await serve(process.argv[serveAt + 1]!);
else await measure();
