import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forkNodeCore } from '../../src/main/core/process/nodeChild';
import { spawnCore, type CoreHandle } from '../../src/main/core/process/spawnCore';
import { createMemoryTransport } from '../../src/main/core/rpc/memoryTransport';
import type { Message } from '../../src/shared/domain/conversations';
import { createRpcClient, type Rpc } from '../../src/shared/rpc/client';
import { bundleChild } from '../support/bundleChild';
import { memorySecretStore, memorySettingsStore } from '../support/memoryStores';
import { eventually, F, FIXTURE_PASSWORD, useStage } from './syncHarness';

// The core in its own process (as both hosts run it) against a real server: the session token
// lives in the parent's store, and a core killed with a reply in its outbox comes back on the
// same cache and delivers the reply exactly once.
const stage = useStage('seatdesk-core-process-');
let entry: string;

beforeAll(async () => {
  entry = await bundleChild(join(import.meta.dirname, '../../src/main/core/process/main.ts'), 'coreProcessIntegration');
}, 60_000);

function spawned(secrets = memorySecretStore()): { core: CoreHandle; rpc: Rpc; children: ChildProcess[]; secrets: typeof secrets } {
  const children: ChildProcess[] = [];
  const core = spawnCore({
    options: { dataDir: join(stage.dir, 'core'), shell: 'browser', cacheKeyCustody: 'file', embeddedServerUrl: null, defaultServerUrl: stage.server.url, version: '0.0.0-test' },
    settings: memorySettingsStore(),
    secrets,
    fork: () => {
      const child = forkNodeCore(entry);
      children.push(child.process);
      return child;
    },
    log: { warn: () => {}, error: () => {} },
    restartDelaysMs: [50],
  });
  const { transport } = createMemoryTransport((send) => core.connect({ id: 'tab-1', kind: 'workstation' }, send));
  return { core, rpc: createRpcClient(transport), children, secrets };
}

async function agentReplies(conversationId: string): Promise<string[]> {
  const rows = await stage.server.everything(await stage.server.token('p1'));
  return rows
    .filter((r) => r.entity === 'messages' && (r.data as Message).conversationId === conversationId && (r.data as Message).senderKind === 'agent')
    .map((r) => (r.data as Message).body);
}

describe('the core in its own process, against a real server', () => {
  it('keeps the outbox across a core crash: the restarted core serves the same cache and delivers the queued reply once', async () => {
    const { server } = stage;
    const conversationId = await server.customerSays('c1', F.queueX, '在吗');
    expect(await server.mutate(await server.token('p1'), 'conversations.accept', { conversationId })).toBe('applied');

    const { core, rpc, children, secrets } = spawned();
    try {
      await rpc.session.login({ serverUrl: server.url, username: 'p1', password: FIXTURE_PASSWORD });
      // the token went to the parent's store, not only the child's memory
      expect(JSON.parse(secrets.values.get('session') ?? '{}')).toMatchObject({ info: { username: 'p1' } });
      await eventually(async () => (await rpc.conversations.get({ conversationId }).catch(() => null))?.assigneeId, 15_000, 'the conversation cached');

      await server.stop();
      const sent = await rpc.messages.send({ conversationId, text: '稍等，我查一下' });
      expect(await rpc.outbox.list()).toHaveLength(1);

      const first = children[0]!;
      const exited = new Promise((resolve) => first.once('exit', resolve));
      first.kill('SIGKILL');
      await exited;

      // a new core process, signed in from the parent's store, reading the same cache offline
      await eventually(() => children.length === 2, 10_000, 'a restarted core');
      expect((await rpc.session.get())?.username).toBe('p1');
      expect((await rpc.conversations.get({ conversationId })).id).toBe(conversationId);
      expect(await rpc.outbox.list()).toHaveLength(1);

      await server.start();
      await eventually(async () => (await rpc.outbox.list()).length === 0, 40_000, 'the outbox drained');
      expect(await agentReplies(conversationId)).toEqual(['稍等，我查一下']);
      const { messages: cached } = await rpc.messages.list({ conversationId });
      expect(cached.filter((m) => m.id === sent.id)).toHaveLength(1);
    } finally {
      await core.close();
    }
  }, 90_000);

  it('quits cleanly: a reply written just before quitting is delivered once, now or by the next start', async () => {
    const { server } = stage;
    const conversationId = await server.customerSays('c2', F.queueX, '你好');
    expect(await server.mutate(await server.token('p1'), 'conversations.accept', { conversationId })).toBe('applied');

    const first = spawned();
    await first.rpc.session.login({ serverUrl: server.url, username: 'p1', password: FIXTURE_PASSWORD });
    await eventually(async () => (await first.rpc.conversations.get({ conversationId }).catch(() => null))?.assigneeId, 15_000, 'the conversation cached');
    await first.rpc.messages.send({ conversationId, text: '马上为您处理' });
    await first.core.close();
    expect(first.children[0]?.exitCode ?? first.children[0]?.signalCode).not.toBeNull();

    const second = spawned(first.secrets);
    try {
      await eventually(async () => (await second.rpc.outbox.list().catch(() => null))?.length === 0, 40_000, 'the outbox drained');
      expect(await agentReplies(conversationId)).toEqual(['马上为您处理']);
    } finally {
      await second.core.close();
    }
  }, 90_000);
});
