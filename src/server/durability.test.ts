import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerMessageResponseSchema, CustomerMessagesResponseSchema } from '../shared/api/customerChat';
import { F } from './testing/fixtures';
import { startFixtureServer } from './testing/fixtureServer';
import { bearer, startTestServer } from './testing/testServer';

/*
 * "A message is acknowledged only after a durable commit": whatever was acknowledged before the
 * server stopped — politely or by SIGKILL — is there when it starts again on the same folder.
 */

const ROOT = resolve(import.meta.dirname, '../..');
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-durable-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function customerMessages(url: string, token: string, conversationId: string): Promise<string[]> {
  const response = await fetch(`${url}/api/customer/conversations/${conversationId}/messages`, { headers: bearer(token) });
  if (response.status !== 200) throw new Error(`read failed: ${response.status}`);
  return CustomerMessagesResponseSchema.parse(await response.json()).messages.map((m) => m.id);
}

describe('restart on the same data folder', () => {
  it('keeps every acknowledged message, agent and customer side', async () => {
    const first = await startFixtureServer({ dataDir });
    const { conversationId } = await first.customerSays('c1', F.queueX, 'before the restart');
    await first.apply('p1', 'conversations.accept', { conversationId });
    const acked: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      acked.push((await first.customerSays('c1', F.queueX, `customer ${i}`, { conversationId })).message.id);
      const rows = await first.apply('p1', 'messages.send', { conversationId, text: `agent ${i}` });
      acked.push(rows.find((r) => r.entity === 'messages')!.id);
    }
    const token = first.tokens.p1;
    const cursorBefore = (await first.everything('p1')).cursor;
    await first.stop();

    // Same folder, plain start: the fixture is already in the database, and so is p1's session.
    const again = await startTestServer({ dataDir, demo: false });
    try {
      const rows = (await again.pullAll(token)).rows;
      const ids = new Set(rows.filter((r) => r.entity === 'messages').map((r) => r.id));
      expect(acked.filter((id) => !ids.has(id))).toEqual([]);
      expect((await again.pull(token, cursorBefore)).rows).toEqual([]);
    } finally {
      await again.stop();
    }
  });
});

describe('SIGKILL', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = null;
  });

  function startCli(): Promise<{ url: string; process: ChildProcess }> {
    const proc = spawn(process.execPath, [join(ROOT, 'dist/server/cli.js'), '--data-dir', dataDir, '--port', '0', '--log-level', 'warn'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    return new Promise((resolvePromise, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 10_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /listening on (http\S+)/.exec(out)?.[1];
        if (url) {
          clearTimeout(timer);
          resolvePromise({ url, process: proc });
        }
      });
      proc.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
    });
  }

  it('loses no acknowledged message when the server process is killed mid-stream', async () => {
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--node-only'], { cwd: ROOT });
    // Seed the fixture organisation into the folder with an in-process server, then hand it over.
    const seeded = await startFixtureServer({ dataDir });
    await seeded.stop();

    const first = await startCli();
    const token = F.tokens.c2;
    const post = (text: string, conversationId?: string) =>
      fetch(`${first.url}/api/customer/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ queueId: F.queueA, text, ...(conversationId ? { conversationId } : {}) }),
        // A request cut by the kill must end (as an error) rather than wait forever for its body.
        signal: AbortSignal.timeout(5000),
      });
    const opening = CustomerMessageResponseSchema.parse(await (await post('opening')).json());
    const acked = [opening.message.id];

    // Many messages in flight; kill the process as soon as 100 have been acknowledged.
    const N = 100;
    let killed = false;
    await new Promise<void>((done) => {
      let inFlight = 0;
      const sendMore = () => {
        while (!killed && inFlight < 8) {
          inFlight += 1;
          post(`message ${acked.length + inFlight}`, opening.conversationId)
            .then(async (response) => {
              if (response.status === 200) acked.push(CustomerMessageResponseSchema.parse(await response.json()).message.id);
            })
            .catch(() => undefined) // cut off by the kill: not acknowledged, may or may not be stored
            .finally(() => {
              inFlight -= 1;
              if (!killed && acked.length >= N) {
                killed = true;
                first.process.kill('SIGKILL');
              }
              if (killed && inFlight === 0) done();
              else sendMore();
            });
        }
      };
      sendMore();
    });
    if (first.process.signalCode === null) await new Promise((r) => first.process.once('exit', r));
    expect(first.process.signalCode).toBe('SIGKILL');

    const second = await startCli();
    const stored = new Set(await customerMessages(second.url, token, opening.conversationId));
    expect(acked.length).toBeGreaterThanOrEqual(N);
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
  }, 30_000);
});
