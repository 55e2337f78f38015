import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/rpc/eventHub';
import { Workspace } from '../../src/main/core/workspace/workspace';
import { bearer } from '../../src/server/testing/testServer';
import { CustomerSessionResponseSchema } from '../../src/shared/api/customerChat';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Message } from '../../src/shared/domain/conversations';
import { cachedRows, eventually, F, fetchAgain, hashRows, rowLines, ServerProcess } from './syncHarness';

/*
 * Random histories against a real server: a lead's workspace writes replies and notes while the
 * link goes up and down, the server restarts, the client restarts, and pushed frames arrive
 * duplicated, reordered and with gaps. However it went, once everything is online again the
 * cache equals the server (a hash over every synced row the lead may see) and every write was
 * applied exactly once, in the order written.
 *
 * The workspace is driven directly (no WebSocket) so a history can inject those frames; the
 * WebSocket path itself is covered by coreSync / coreOutbox. SYNC_PROPERTY_RUNS sets the number
 * of histories (npm run test:property -- --runs 1000).
 */
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 100);

type Step =
  | { kind: 'customer'; text: string }
  | { kind: 'reply'; note: boolean }
  | { kind: 'online'; up: boolean }
  | { kind: 'serverRestart' }
  | { kind: 'clientRestart' }
  | { kind: 'push'; from: number; gap: boolean; duplicate: boolean; reverse: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('customer' as const), text: fc.constantFrom('退款', '密码', 'refund', '快递') }),
  fc.record({ kind: fc.constant('reply' as const), note: fc.boolean() }),
  fc.record({ kind: fc.constant('online' as const), up: fc.boolean() }),
  fc.constant({ kind: 'serverRestart' as const }),
  fc.constant({ kind: 'clientRestart' as const }),
  fc.record({ kind: fc.constant('push' as const), from: fc.nat(20), gap: fc.boolean(), duplicate: fc.boolean(), reverse: fc.boolean() }),
);

let dir: string;
let server: ServerProcess;
let token: string;
let run = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-property-'));
  server = new ServerProcess(join(dir, 'server'));
  await server.start();
  token = await server.token('leadX');
});

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function newCustomerConversation(text: string): Promise<{ customerToken: string; conversationId: string }> {
  const session = await fetchAgain(`${server.url}/api/customer/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const customerToken = CustomerSessionResponseSchema.parse(await session.json()).token;
  const conversationId = await customerMessage(customerToken, text);
  return { customerToken, conversationId };
}

async function customerMessage(customerToken: string, text: string): Promise<string> {
  const response = await fetchAgain(`${server.url}/api/customer/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(customerToken) },
    body: JSON.stringify({ queueId: F.queueX, text }),
  });
  if (response.status !== 200) throw new Error(`customer message: ${response.status}`);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

async function runHistory(steps: Step[]): Promise<void> {
  run += 1;
  const file = join(dir, `cache-${run}.sqlite`);
  const { customerToken, conversationId } = await newCustomerConversation('hello');
  expect(await server.mutate(token, 'conversations.accept', { conversationId })).toBe('applied');
  let up = true;
  const open = () => new Workspace({ file, keys: null, serverUrl: server.url, token, userId: F.users.leadX, hub: new EventHub(), isOnline: () => up && server.server !== null, log: () => {} });
  let ws = open();
  // The history starts from a cache that holds the conversation (a user replies only where they can see).
  ws.online();
  await ws.engine.idle();
  const written: string[] = [];
  const frames: object[] = [];
  try {
    for (const s of steps) {
      switch (s.kind) {
        case 'customer':
          if (server.server) await customerMessage(customerToken, s.text);
          break;
        case 'reply': {
          await ws.engine.idle();
          const text = `r${run}-${written.length}`;
          ws.writes.message(s.note ? 'note' : 'text', conversationId, text);
          written.push(text);
          break;
        }
        case 'online':
          up = s.up;
          if (up) ws.online();
          break;
        case 'serverRestart':
          // Whatever the workspace has in flight: the server's close ends each connection once its
          // answer is sent (src/server/http/shutdown.ts), and unanswered writes wait in the outbox.
          await server.stop();
          await server.start();
          break;
        case 'clientRestart':
          await ws.close();
          ws = open();
          if (up) ws.online();
          break;
        case 'push': {
          if (!server.server) break;
          // What the server could push: the user's newest rows with the true `prev` (the seq of
          // the user's row before them), possibly only the last row (a gap when earlier ones are
          // missing here), possibly reversed.
          const rows = (await server.everything(token)).sort((a, b) => a.seq - b.seq);
          const from = s.gap ? rows.length - 1 : Math.max(0, rows.length - 1 - s.from);
          const tail = rows.slice(from);
          const frame = { t: 'rows', rows: s.reverse ? [...tail].reverse() : tail, prev: from > 0 ? rows[from - 1]!.seq : 0 };
          ws.frame(frame);
          if (s.duplicate && frames.length > 0) ws.frame(frames[frames.length - 1]!);
          frames.push(frame);
          break;
        }
      }
    }
    // Back online for good: everything must converge.
    if (!server.server) await server.start();
    up = true;
    ws.online();
    await eventually(() => ws.outbox.status().pending === 0 || (ws.outbox.kick(), false), 30_000, 'outbox drained');
    ws.online();
    await ws.engine.idle();
    const truth = await server.everything(token);
    const cached = cachedRows(dir, server.url, F.users.leadX, { file });
    if (hashRows(cached) !== hashRows(truth)) expect(rowLines(cached)).toEqual(rowLines(truth));
    const sent = truth
      .filter((r: SyncRow) => r.entity === 'messages' && (r.data as Message).conversationId === conversationId && (r.data as Message).senderKind === 'agent')
      .map((r) => r.data as Message)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((m) => m.body);
    const failed = ws.messages.page(conversationId, 500).messages.filter((m) => m.delivery !== 'sent');
    expect(failed).toEqual([]);
    expect(sent).toEqual(written);
    expect(ws.outbox.status()).toEqual({ pending: 0, failed: 0 });
  } finally {
    await ws.close();
    // Frees the lead's capacity for the next history.
    await server.mutate(token, 'conversations.resolve', { conversationId, category: 'done' });
  }
}

describe('sync property', () => {
  it(`random histories end with client == server and every write applied once (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), runHistory), { numRuns: RUNS, endOnFailure: true, seed: process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined });
  }, Math.max(120_000, RUNS * 2_000));
});
