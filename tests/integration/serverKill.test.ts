import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../src/server/testing/testServer';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Conversation, Message } from '../../src/shared/domain/conversations';
import { spawnServer, type ChildServer } from '../bench/serverChild';
import { bundleChild } from '../support/bundleChild';
import { F, ServerProcess } from './syncHarness';

/*
 * SIGKILL the server process while customers' messages and an agent's replies are in flight,
 * start it again on the same data folder, and retry what was never answered with the same ids:
 * every write answered before the kill is there exactly once, every retried one is applied once,
 * seq keeps rising across the restarts, and assignments and SLA timestamps come back.
 */
const ROUNDS = 3;
const WRITES = 40;

let script: string;
let dir: string;
beforeAll(async () => {
  script = await bundleChild(join(import.meta.dirname, 'serverKillChild.ts'), 'serverKillChild');
  dir = await mkdtemp(join(tmpdir(), 'seatdesk-server-kill-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One write as a client sends it: the same ids on every try, so a retry cannot duplicate it. */
interface Write {
  body: string;
  send(url: string): Promise<SyncRow[] | null>;
}

describe('server killed mid-write', () => {
  it('keeps every acknowledged write once and applies retried ones once across SIGKILLs', async () => {
    const dataDir = join(dir, 'server');
    let server: ChildServer = await spawnServer([dataDir, '0', 'seed'], script);
    const port = new URL(server.url).port;
    // The harness's HTTP helpers only need the url (the server itself runs in the child).
    const api = new ServerProcess(dataDir);
    api.port = Number(port);
    const p1 = await api.token('p1');
    const chats = [await api.customerSays('c1', F.queueX, '在吗'), await api.customerSays('c2', F.queueX, '退款')];
    for (const conversationId of chats) expect(await api.mutate(p1, 'conversations.accept', { conversationId })).toBe('applied');
    const waiting = await api.customerSays('c3', F.queueX, '还没人接');
    const before = conversationsById(await api.everything(await api.token('leadX')));

    const customerWrite = (customer: 'c1' | 'c2', id: string): Write => ({
      body: `customer ${id}`,
      async send(url) {
        const response = await fetch(`${url}/api/customer/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(F.tokens[customer]) },
          body: JSON.stringify({ queueId: F.queueX, text: `customer ${id}`, clientMessageId: id }),
        });
        expect(response.status).toBe(200);
        return null;
      },
    });
    const agentWrite = (conversationId: string, id: string): Write => ({
      body: `agent ${id}`,
      async send(url) {
        const response = await fetch(`${url}/api/mutations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(p1) },
          body: JSON.stringify({ clientId: 'kill-test', mutations: [{ id, name: 'messages.send', args: { conversationId, text: `agent ${id}`, messageId: `msg-${id}` } }] }),
        });
        const { results } = (await response.json()) as { results: { status: string; rows?: SyncRow[] }[] };
        expect(results[0]!.status).toBe('applied');
        return results[0]!.rows!;
      },
    });

    const all: Write[] = [];
    let highestAckedSeq = 0;
    const counts = { fulfilled: 0, rejected: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const writes = Array.from({ length: WRITES }, (_, i) =>
        i % 2 ? agentWrite(chats[i % 4 === 1 ? 0 : 1]!, `r${round}-a${i}`) : customerWrite(i % 4 === 0 ? 'c1' : 'c2', `r${round}-c${i}`),
      );
      all.push(...writes);
      // Staggered over ~80 ms, killed at a random point inside that: some answered, some cut off.
      const outcomes = Promise.allSettled(
        writes.map(async (write, i) => {
          await new Promise((resolve) => setTimeout(resolve, 2 * i));
          return write.send(server.url);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50));
      await server.kill();
      const settled = await outcomes;
      for (const outcome of settled) counts[outcome.status] += 1;
      for (const outcome of settled) {
        if (outcome.status === 'fulfilled') for (const row of outcome.value ?? []) highestAckedSeq = Math.max(highestAckedSeq, row.seq);
      }

      server = await spawnServer([dataDir, port], script);
      await Promise.all(writes.filter((_, i) => settled[i]!.status === 'rejected').map((write) => write.send(server.url)));
      // A second retry of a write the server already answered is not applied again.
      await writes[1]!.send(server.url);
      await writes[0]!.send(server.url);
      // seq is not reset by the crash: a new row comes after every row acknowledged before it.
      const fresh = agentWrite(chats[0]!, `r${round}-fresh`);
      all.push(fresh);
      const [row] = (await fresh.send(server.url))!;
      expect(row!.seq).toBeGreaterThan(highestAckedSeq);
    }

    // The kills did cut writes off, and some were answered before them.
    expect(counts.fulfilled).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(0);
    const rows = await api.everything(p1);
    const seqs = rows.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const bodies = rows.filter((r) => r.entity === 'messages').map((r) => (r.data as Message).body);
    for (const write of all) expect(bodies.filter((b) => b === write.body), write.body).toHaveLength(1);

    // Assignments, queue position and the SLA's timestamps are read back from the database.
    const after = conversationsById(await api.everything(await api.token('leadX')));
    for (const conversationId of chats) {
      expect(after.get(conversationId)).toMatchObject({ assigneeId: F.users.p1, assignedAt: before.get(conversationId)!.assignedAt, queuedAt: before.get(conversationId)!.queuedAt });
      expect(after.get(conversationId)!.firstResponseAt).not.toBeNull();
    }
    expect(after.get(waiting)).toMatchObject({ status: 'queued', assigneeId: null, queuedAt: before.get(waiting)!.queuedAt });
    await server.stop();
  }, 60_000);
});

function conversationsById(rows: SyncRow[]): Map<string, Conversation> {
  return new Map(rows.filter((r) => r.entity === 'conversations').map((r) => [r.id, r.data as Conversation]));
}
