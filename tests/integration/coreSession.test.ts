import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, DEMO_PASSWORD, type RunningServer } from '../../src/server';
import { createCore, type Core } from '../../src/main/core/core';
import { createMemoryTransport } from '../../src/main/core/rpc/memoryTransport';
import { createRpcClient, type Rpc } from '../../src/shared/rpc/client';
import type { SyncState } from '../../src/shared/domain/sync';
import { memorySecretStore, memorySettingsStore, testCoreOptions } from '../support/memoryStores';

// A real server on loopback and a real core, talking through the in-memory transport.
let dataDir: string;
let server: RunningServer | null;
let cores: Core[];

async function serverOn(port = 0) {
  server = await startServer({ dataDir, port, demo: true, logger: false, heartbeatMs: 200 });
  return server;
}

function openCore(secrets = memorySecretStore()) {
  const core = createCore(testCoreOptions({ secrets, settings: memorySettingsStore() }));
  cores.push(core);
  const { transport } = createMemoryTransport((send) => core.connect({ id: 'w', kind: 'workstation' }, send));
  return { core, rpc: createRpcClient(transport), secrets };
}

/** Resolves when the core reports `state` (checking the current status first). */
async function reach(rpc: Rpc, state: SyncState, timeoutMs = 10_000) {
  if ((await rpc.sync.status()).state === state) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never reached ${state}`)), timeoutMs);
    const off = rpc.on('sync.changed', (status) => {
      if (status.state !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-int-'));
  cores = [];
  await serverOn();
});

afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('core ↔ server session', () => {
  it('signs in, goes online, and keeps the token out of the windows', async () => {
    const { rpc, secrets } = openCore();
    const info = await rpc.session.login({ serverUrl: server!.url, username: 'agent', password: DEMO_PASSWORD });
    expect(info).toMatchObject({ username: 'agent', displayName: '李小满', role: 'agent', teamKind: 'platform' });
    expect(JSON.stringify(info)).not.toMatch(/token/i);
    expect(secrets.values.get('session')).toContain('"token"');
    await reach(rpc, 'online');
    expect((await rpc.settings.get()).serverUrl).toBe(new URL(server!.url).origin);
  });

  it('maps a wrong password to unauthenticated and an unreachable server to offline', async () => {
    const { rpc } = openCore();
    await expect(rpc.session.login({ serverUrl: server!.url, username: 'agent', password: 'nope' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(rpc.session.login({ serverUrl: 'http://127.0.0.1:9', username: 'agent', password: 'x' })).rejects.toMatchObject({
      code: 'offline',
    });
    expect(await rpc.session.get()).toBeNull();
  });

  it('goes offline when the server stops and back online when it returns', async () => {
    const { rpc } = openCore();
    await rpc.session.login({ serverUrl: server!.url, username: 'agent', password: DEMO_PASSWORD });
    await reach(rpc, 'online');
    const port = Number(new URL(server!.url).port);
    await server!.close();
    server = null;
    await reach(rpc, 'offline');
    expect((await rpc.sync.status()).lastError).toBeTruthy();
    // still signed in: the workstation keeps working from its cache
    expect(await rpc.session.get()).not.toBeNull();
    await serverOn(port);
    await reach(rpc, 'online', 40_000);
  }, 60_000);

  it('restores the saved session in a new core, even with the server down', async () => {
    const first = openCore();
    await first.rpc.session.login({ serverUrl: server!.url, username: 'agent', password: DEMO_PASSWORD });
    await first.core.close();
    await server!.close();
    server = null;
    const second = openCore(first.secrets);
    expect(await second.rpc.session.get()).toMatchObject({ username: 'agent' });
    await reach(second.rpc, 'offline');
  });

  it('signs out when the server revokes the token, and on logout', async () => {
    const a = openCore();
    await a.rpc.session.login({ serverUrl: server!.url, username: 'agent', password: DEMO_PASSWORD });
    await reach(a.rpc, 'online');
    const ended = new Promise((resolve) => a.rpc.on('session.changed', resolve));
    // Revoke a's token from outside, as another device or an admin would.
    const token = JSON.parse(a.secrets.values.get('session')!).token as string;
    await fetch(`${server!.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(await ended).toBeNull();
    expect(a.secrets.values.has('session')).toBe(false);

    const b = openCore();
    await b.rpc.session.login({ serverUrl: server!.url, username: 'lead', password: DEMO_PASSWORD });
    await b.rpc.session.logout();
    expect(await b.rpc.session.get()).toBeNull();
    expect((await b.rpc.sync.status()).state).toBe('signed_out');
    await expect(b.rpc.session.logout()).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
