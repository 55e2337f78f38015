import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startServerWithInternals, type RunningServer } from '../../src/server/app';
import { F, FIXTURE_PASSWORD, seedFixtureOrg, type FixtureUser } from '../../src/server/testing/fixtures';
import { bearer } from '../../src/server/testing/testServer';
import { PullResponseSchema, type SyncRow } from '../../src/shared/api/sync';
import { CustomerMessageResponseSchema } from '../../src/shared/api/customerChat';
import { createCore, type Core } from '../../src/main/core/core';
import { CacheKeys } from '../../src/main/core/cache/cacheKeys';
import { applyCacheKey, cacheFilePath } from '../../src/main/core/cache/openCache';
import type { SecretStore } from '../../src/main/core/ports';
import { createMemoryTransport } from '../../src/main/core/rpc/memoryTransport';
import { createRpcClient, type Rpc } from '../../src/shared/rpc/client';
import type { EventName, Events } from '../../src/shared/rpc/contract';
import type { PayloadOf } from '../../src/shared/rpc/define';
import { memorySecretStore, memorySettingsStore, testCoreOptions } from '../support/memoryStores';

/*
 * Real servers and real cores for the sync suites: the fixture organisation (src/server/testing)
 * on loopback, a server that can be stopped and started again on the same port and database
 * file, and cores whose caches live in a temp folder.
 */

export { F, FIXTURE_PASSWORD };

/**
 * fetch that retries a request the network dropped: after a server restart the first request on
 * a kept-alive socket to the old process fails ("other side closed").
 */
export async function fetchAgain(url: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export class ServerProcess {
  server: RunningServer | null = null;
  port = 0;

  constructor(readonly dataDir: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server (seeding the fixture organisation the first time) on its port. */
  async start(): Promise<void> {
    const { server, internals } = await startServerWithInternals({
      dataDir: this.dataDir,
      port: this.port,
      demo: true,
      demoData: false,
      logger: false,
      heartbeatMs: 200,
    });
    this.server = server;
    if (this.port === 0) {
      this.port = server.port;
      await seedFixtureOrg(internals, Date.now());
    }
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** A fixture customer writes in a queue; returns the conversation id. */
  async customerSays(customer: keyof typeof F.tokens, queueId: string, text: string): Promise<string> {
    const response = await fetchAgain(`${this.url}/api/customer/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(F.tokens[customer]) },
      body: JSON.stringify({ queueId, text }),
    });
    if (response.status !== 200) throw new Error(`customer message failed: ${response.status} ${await response.text()}`);
    return CustomerMessageResponseSchema.parse(await response.json()).conversationId;
  }

  /** One mutation straight to the server, as another device of the user would send it; returns its status. */
  async mutate(token: string, name: string, args: unknown): Promise<string> {
    const response = await fetchAgain(`${this.url}/api/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ clientId: 'harness', mutations: [{ id: randomUUID(), name, args }] }),
    });
    return ((await response.json()) as { results: { status: string }[] }).results[0]!.status;
  }

  async token(user: FixtureUser): Promise<string> {
    const response = await fetchAgain(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.toLowerCase(), password: FIXTURE_PASSWORD }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  /** Every row the user sees now, from the start (the server's truth to compare a cache with). */
  async everything(token: string): Promise<SyncRow[]> {
    const rows: SyncRow[] = [];
    let cursor = 0;
    for (;;) {
      const response = await fetchAgain(`${this.url}/api/sync/pull?cursor=${cursor}&limit=5000`, { headers: bearer(token) });
      const page = PullResponseSchema.parse(await response.json());
      rows.push(...page.rows);
      cursor = page.cursor;
      if (!page.hasMore) return rows;
    }
  }
}

export interface CoreHandle {
  core: Core;
  rpc: Rpc;
  secrets: ReturnType<typeof memorySecretStore>;
}

export function openCore(dataDir: string, secrets = memorySecretStore()): CoreHandle {
  const core = createCore(testCoreOptions({ dataDir, secrets, settings: memorySettingsStore() }));
  const { transport } = createMemoryTransport((send) => core.connect({ id: 'w', kind: 'workstation' }, send));
  return { core, rpc: createRpcClient(transport), secrets };
}

export interface Stage {
  /** a fresh temp folder per test */
  dir: string;
  server: ServerProcess;
  /** cores opened in the test, closed after it */
  cores: CoreHandle[];
  /** opens a core on the stage's core folder and closes it after the test */
  core(secrets?: CoreHandle['secrets']): CoreHandle;
}

/** Registers a fresh server (fixture organisation) and temp folder per test; cores and server stop after it. */
export function useStage(prefix: string): Stage {
  const stage = {
    cores: [] as CoreHandle[],
    core(secrets?: CoreHandle['secrets']) {
      const handle = openCore(join(stage.dir, 'core'), secrets);
      stage.cores.push(handle);
      return handle;
    },
  } as Stage;
  beforeEach(async () => {
    stage.dir = await mkdtemp(join(tmpdir(), prefix));
    stage.server = new ServerProcess(join(stage.dir, 'server'));
    await stage.server.start();
    stage.cores = [];
  });
  afterEach(async () => {
    await Promise.all(stage.cores.map((c) => c.core.close()));
    await stage.server.stop();
    await rm(stage.dir, { recursive: true, force: true });
  });
  return stage;
}

/** Polls until `check` returns a truthy value (or throws after the timeout). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000, what = 'condition'): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Collects every payload of an event from now on. */
export function record<E extends EventName>(rpc: Rpc, name: E): PayloadOf<Events[E]>[] {
  const seen: PayloadOf<Events[E]>[] = [];
  rpc.on(name, (payload) => seen.push(payload));
  return seen;
}

/** A hash over rows as (entity, id, seq, deleted): equal hashes mean equal synced copies. */
export function hashRows(rows: readonly SyncedKey[]): string {
  return createHash('sha256').update(rowLines(rows).join('\n')).digest('hex');
}

type SyncedKey = { entity: string; id: string; seq: number; deleted: boolean | number };

/** The rows as sorted `entity:id:seq:deleted` lines: what hashRows hashes, readable in a failed assertion. */
export function rowLines(rows: readonly SyncedKey[]): string[] {
  return rows.map((r) => `${r.entity}:${r.id}:${r.seq}:${r.deleted ? 1 : 0}`).sort();
}

/**
 * The synced rows (seq > 0) of a core's cache file, read directly from SQLite: the account's
 * file (or `file`), decrypted with its key from `secrets` when the core encrypted it.
 */
export function cachedRows(
  dataDir: string,
  serverUrl: string,
  userId: string,
  { file = cacheFilePath(dataDir, serverUrl, userId), secrets }: { file?: string; secrets?: SecretStore } = {},
): { entity: string; id: string; seq: number; deleted: number }[] {
  const db = new Database(file, { readonly: true });
  const key = secrets ? new CacheKeys(secrets).get(file) : null;
  try {
    if (key) applyCacheKey(db, key);
    return db
      .prepare(
        `SELECT entity, id, seq, deleted FROM entities
         UNION ALL SELECT 'conversations', id, seq, deleted FROM conversations
         UNION ALL SELECT 'messages', id, seq, deleted FROM messages WHERE seq > 0`,
      )
      .all() as { entity: string; id: string; seq: number; deleted: number }[];
  } finally {
    db.close();
  }
}
