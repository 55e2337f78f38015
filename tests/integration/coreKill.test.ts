import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/shared/domain/conversations';
import { bundleChild } from '../support/bundleChild';
import { F, FIXTURE_PASSWORD, useStage } from './syncHarness';

// SIGKILL the core between the local write and the send: the outbox (SQLite, same transaction as
// the pending message) survives, and the next start delivers the reply exactly once.
const stage = useStage('seatdesk-kill-');
let childScript: string;

beforeAll(async () => {
  childScript = await bundleChild(join(import.meta.dirname, 'coreChild.ts'), 'coreChild');
});

function child(args: string[]): { process: ChildProcess; next: (prefix: string) => Promise<string> } {
  const proc = spawn(process.execPath, [childScript, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    const at = waiting.findIndex((w) => line.startsWith(w.prefix));
    if (at >= 0) waiting.splice(at, 1)[0]!.resolve(line);
    else lines.push(line);
  });
  const next = (prefix: string) => {
    const seen = lines.find((line) => line.startsWith(prefix));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      waiting.push({ prefix, resolve });
      proc.once('exit', (code) => reject(new Error(`the core process exited (${code}) before "${prefix}"`)));
    });
  };
  return { process: proc, next };
}

describe('core killed mid-write', () => {
  it('delivers the reply once after a SIGKILL between the local write and the send', async () => {
    const { server } = stage;
    const conversationId = await server.customerSays('c1', F.queueX, '在吗');
    const p1 = await server.token('p1');
    expect(await server.mutate(p1, 'conversations.accept', { conversationId })).toBe('applied');
    const dataDir = join(stage.dir, 'core');

    const first = child(['write', dataDir, server.url, 'p1', FIXTURE_PASSWORD, conversationId]);
    await first.next('synced');
    await server.stop();
    first.process.stdin!.write('killed before it was sent\n');
    const written = await first.next('written ');
    const killed = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await killed;

    await server.start();
    const second = child(['resume', dataDir]);
    await second.next('drained');
    const rows = await server.everything(p1);
    const replies = rows
      .filter((r) => r.entity === 'messages' && (r.data as Message).conversationId === conversationId && (r.data as Message).senderKind === 'agent')
      .map((r) => r.data as Message);
    expect(replies.map((m) => [m.id, m.body])).toEqual([[written.split(' ')[1], 'killed before it was sent']]);
  }, 60_000);
});
