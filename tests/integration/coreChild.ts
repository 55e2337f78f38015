import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createCore } from '../../src/main/core/core';
import { createMemoryTransport } from '../../src/main/core/rpc/memoryTransport';
import { createRpcClient } from '../../src/shared/rpc/client';
import { memorySettingsStore, testCoreOptions } from '../support/memoryStores';

/*
 * A core in a process of its own, so a test can SIGKILL it (coreKill.test.ts). Secrets live in a
 * file, as the hosts keep them, so a second process restores the session.
 *   write <dataDir> <serverUrl> <user> <password> <conversationId>: signs in, syncs, says "synced",
 *     waits for a line on stdin, writes a reply with the text of that line, says "written <id>"
 *     and waits to be killed;
 *   resume <dataDir>: restores the session and says "drained" once the outbox is empty.
 */
const [mode, dataDir, serverUrl, user, password, conversationId] = process.argv.slice(2) as [string, string, string?, string?, string?, string?];
mkdirSync(dataDir, { recursive: true });
const secretsFile = join(dataDir, 'secrets.json');
const secrets: Record<string, string> = existsSync(secretsFile) ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>) : {};
const core = createCore(
  testCoreOptions({
    dataDir,
    settings: memorySettingsStore(),
    secrets: {
      get: (key) => secrets[key] ?? null,
      set: (key, value) => {
        if (value === null) delete secrets[key];
        else secrets[key] = value;
        writeFileSync(secretsFile, JSON.stringify(secrets));
      },
    },
  }),
);
const { transport } = createMemoryTransport((send) => core.connect({ id: 'child', kind: 'workstation' }, send));
const rpc = createRpcClient(transport);
const pause = () => new Promise((resolve) => setTimeout(resolve, 25));

if (mode === 'write') {
  await rpc.session.login({ serverUrl: serverUrl!, username: user!, password: password! });
  for (;;) {
    const found = await rpc.conversations.get({ conversationId: conversationId! }).catch(() => null);
    if (found?.assigneeId) break;
    await pause();
  }
  console.log('synced');
  const text = await new Promise<string>((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
  const sent = await rpc.messages.send({ conversationId: conversationId!, text });
  console.log(`written ${sent.id}`);
  await new Promise(() => {});
} else {
  for (;;) {
    const outbox = await rpc.outbox.list().catch(() => null);
    if (outbox && outbox.length === 0) break;
    await pause();
  }
  console.log('drained');
  await core.close();
}
