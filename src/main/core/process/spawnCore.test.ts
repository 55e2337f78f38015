import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRpcClient, type Rpc } from '../../../shared/rpc/client';
import { RpcError } from '../../../shared/rpc/errors';
import { memorySecretStore, memorySettingsStore } from '../../../../tests/support/memoryStores';
import { bundleChild } from '../../../../tests/support/bundleChild';
import { CACHE_KEYS_SECRET, CacheKeys } from '../cache/cacheKeys';
import { createMemoryTransport } from '../rpc/memoryTransport';
import { forkNodeCore } from './nodeChild';
import { spawnCore, type CoreChild, type CoreHandle, type SpawnCoreOptions } from './spawnCore';

/*
 * spawnCore with the real core process (the bundled entry, forked as the Node host forks it),
 * and with a stand-in child where a test needs the child to misbehave.
 */
let entry: string;
const started: { core: CoreHandle; children: ChildProcess[] }[] = [];

beforeAll(async () => {
  entry = await bundleChild(join(import.meta.dirname, 'main.ts'), 'coreProcess');
}, 60_000);

afterEach(async () => {
  await Promise.all(started.splice(0).map(({ core }) => core.close()));
  vi.restoreAllMocks();
});

const options = () => ({
  dataDir: mkdtempSync(join(tmpdir(), 'seatdesk-spawn-core-')),
  shell: 'browser' as const,
  cacheKeyCustody: 'file' as const,
  embeddedServerUrl: null,
  defaultServerUrl: 'http://127.0.0.1:4700',
  version: '0.0.0-test',
});

function startCore(overrides: Partial<SpawnCoreOptions> = {}) {
  const children: ChildProcess[] = [];
  const settings = memorySettingsStore({ language: 'en' });
  const secrets = memorySecretStore();
  const log = { warn: vi.fn(), error: vi.fn() };
  const core = spawnCore({
    options: options(),
    settings,
    secrets,
    fork: () => {
      const child = forkNodeCore(entry);
      children.push(child.process);
      return child;
    },
    log,
    restartDelaysMs: [50],
    ...overrides,
  });
  started.push({ core, children });
  const window = (id: string): Rpc => createRpcClient(createMemoryTransport((send) => core.connect({ id, kind: 'workstation' }, send)).transport);
  return { core, children, settings, secrets, log, window };
}

async function killed(child: ChildProcess | undefined): Promise<void> {
  if (!child) throw new Error('no core process');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** A server that accepts connections and never answers: a call to it stays in flight. */
async function silentServer(): Promise<{ url: string; close(): void }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

describe('the core in its own process', () => {
  it('runs in another process and serves two windows: answers to each, events to every subscriber, writes to the parent store', async () => {
    const { children, settings, window } = startCore();
    const [one, two] = [window('tab-1'), window('tab-2')];
    const seen: string[] = [];
    two.on('settings.changed', (next) => seen.push(next.language));

    expect(await one.app.info()).toMatchObject({ shell: 'browser', version: '0.0.0-test' });
    expect(children[0]?.pid).not.toBe(process.pid);
    expect((await two.settings.get()).language).toBe('en');
    await one.settings.set({ language: 'zh-CN' });
    await vi.waitFor(() => expect(seen).toEqual(['zh-CN']));
    await vi.waitFor(() => expect(settings.saved).toMatchObject({ language: 'zh-CN' }));
  });

  it('fails a call in flight with a clear error when the core dies, restarts it, and the windows carry on subscribed', async () => {
    const { core, children, log, window } = startCore();
    const [one, two] = [window('tab-1'), window('tab-2')];
    const seen: string[] = [];
    two.on('settings.changed', (next) => seen.push(next.language));
    await one.settings.set({ language: 'zh-CN' });
    await vi.waitFor(() => expect(seen).toEqual(['zh-CN']));
    // a window seen frame by frame: only its unanswered call may fail, not the one already answered
    const frames: { id?: number; r?: { ok: boolean } }[] = [];
    const raw = core.connect({ id: 'tab-3', kind: 'workstation' }, (text) => frames.push(JSON.parse(text) as never));
    raw.receive(JSON.stringify({ t: 'call', id: 1, m: 'app.info' }));
    await vi.waitFor(() => expect(frames).toHaveLength(1));

    const silent = await silentServer();
    try {
      const login = one.session.login({ serverUrl: silent.url, username: 'agent', password: 'x' }).catch((error: unknown) => error);
      raw.receive(JSON.stringify({ t: 'call', id: 2, m: 'session.login', a: { serverUrl: silent.url, username: 'agent', password: 'x' } }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await killed(children[0]);
      const error = await login;
      expect(error).toBeInstanceOf(RpcError);
      expect(error).toMatchObject({ code: 'internal', message: expect.stringContaining('restarting') });
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('exited unexpectedly'));
      expect(frames.map((frame) => [frame.id, frame.r?.ok])).toEqual([
        [1, true],
        [2, false],
      ]);
    } finally {
      silent.close();
    }

    // the new core answers, remembers what the parent stored, and still delivers the events a window subscribed to
    expect((await one.settings.get()).language).toBe('zh-CN');
    expect(children).toHaveLength(2);
    await one.settings.set({ language: 'en' });
    await vi.waitFor(() => expect(seen).toEqual(['zh-CN', 'en']));
  });

  it('hands the cache keys to the core over its message channel only: they are on no command line and in no environment', async () => {
    const secrets = memorySecretStore();
    const key = new CacheKeys(secrets).create('/data/cache/a.sqlite').toString('hex');
    const { children, window } = startCore({ secrets });
    await window('tab-1').app.info();
    for (const part of ['cmdline', 'environ']) expect(readFileSync(`/proc/${children[0]!.pid}/${part}`, 'latin1')).not.toContain(key);
  });

  it('holds calls made while the core restarts and answers them from the new core', async () => {
    const { children, window } = startCore({ restartDelaysMs: [300] });
    const one = window('tab-1');
    await one.app.info();
    await killed(children[0]);
    const info = await one.app.info();
    expect(info.shell).toBe('browser');
    expect(children).toHaveLength(2);
  });

  it('leaves quitting to the host: a Ctrl+C meant for the host does not end the core', async () => {
    const { children, window } = startCore();
    const one = window('tab-1');
    await one.app.info();
    children[0]?.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await one.app.info()).shell).toBe('browser');
    expect(children).toHaveLength(1);
  });

  it('quits cleanly: the core closes when asked, its last write is kept, and it is not restarted', async () => {
    const { core, children, settings, window } = startCore();
    const one = window('tab-1');
    await one.settings.set({ theme: 'dark' });
    await core.close();
    expect(settings.saved).toMatchObject({ theme: 'dark' });
    const [child] = children;
    expect(child?.exitCode ?? child?.signalCode).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(children).toHaveLength(1);
  });
});

/** A stand-in core process: the test says what it posts and sees what it is sent. It closes when asked unless `stubborn`. */
function standIn({ stubborn = false } = {}) {
  const events = new EventEmitter();
  const sent: unknown[] = [];
  const child: CoreChild = {
    postMessage: (message) => {
      sent.push(message);
      if (!stubborn && (message as { t: string }).t === 'close') queueMicrotask(() => events.emit('message', { t: 'closed' }));
    },
    on: (_event, listener) => void events.on('message', listener),
    onExit: (listener) => void events.on('exit', listener),
    kill: vi.fn(() => void events.emit('exit', null)),
  };
  return { child, sent, post: (message: unknown) => events.emit('message', message) };
}

describe('spawnCore with a misbehaving core process', () => {
  it('sends the cache keys it keeps in init, and keeps the ones the core creates', async () => {
    const fake = standIn();
    const secrets = memorySecretStore();
    new CacheKeys(secrets).create('/data/cache/a.sqlite');
    const kept = secrets.get(CACHE_KEYS_SECRET);
    const core = spawnCore({ options: options(), settings: memorySettingsStore(), secrets, fork: () => fake.child, log: { warn: vi.fn(), error: vi.fn() } });
    expect(fake.sent[0]).toMatchObject({ t: 'init', secrets: { [CACHE_KEYS_SECRET]: kept } });
    fake.post({ t: 'ready' });
    fake.post({ t: 'secret', key: CACHE_KEYS_SECRET, value: '{"b.sqlite":"' + 'ab'.repeat(32) + '"}' });
    expect(secrets.get(CACHE_KEYS_SECRET)).toBe('{"b.sqlite":"' + 'ab'.repeat(32) + '"}');
    await core.close();
  });

  it('drops garbled messages from the core without touching the stores or the windows', async () => {
    const fake = standIn();
    const settings = memorySettingsStore({ language: 'en' });
    const secrets = memorySecretStore();
    const log = { warn: vi.fn(), error: vi.fn() };
    const core = spawnCore({ options: options(), settings, secrets, fork: () => fake.child, log });
    const frames: string[] = [];
    const connection = core.connect({ id: 'tab-1', kind: 'workstation' }, (text) => frames.push(text));
    connection.receive(JSON.stringify({ t: 'call', id: 1, m: 'app.info' }));
    expect(fake.sent).toEqual([expect.objectContaining({ t: 'init', settings: { language: 'en' } })]);

    for (const junk of [
      null,
      'ready',
      { t: 'frame', w: 'tab-1' },
      { t: 'frame', w: 'tab-1', text: 7 },
      { t: 'settings', value: 'everything' },
      { t: 'secret', key: '', value: 'x' },
      { t: 'secret', key: 'session', value: 5 },
      { t: 'unheard-of' },
    ]) {
      expect(() => fake.post(junk)).not.toThrow();
    }
    expect(settings.saved).toEqual({ language: 'en' });
    expect(secrets.values.size).toBe(0);
    expect(frames).toEqual([]);
    expect(log.warn).toHaveBeenCalledTimes(8);

    // a frame for a window that never was, then ready: the held call goes through
    fake.post({ t: 'frame', w: 'tab-99', text: '{}' });
    fake.post({ t: 'ready' });
    expect(fake.sent.slice(1)).toEqual([
      { t: 'connect', w: 'tab-1', kind: 'workstation' },
      { t: 'frame', w: 'tab-1', text: JSON.stringify({ t: 'call', id: 1, m: 'app.info' }) },
    ]);
    fake.post({ t: 'secret', key: 'session', value: 'token' });
    expect(secrets.values.get('session')).toBe('token');
    await core.close();
  });

  it('passes hostile text frames to the core to judge, drops what is not text, and keeps forwarding calls', async () => {
    const fake = standIn();
    const core = spawnCore({ options: options(), settings: memorySettingsStore(), secrets: memorySecretStore(), fork: () => fake.child, log: { warn: vi.fn(), error: vi.fn() } });
    fake.post({ t: 'ready' });
    const connection = core.connect({ id: 'tab-1', kind: 'workstation' }, () => {});
    for (const junk of [null, 5, new Uint8Array([0xff, 0xfe]), '{"t":"call","id":', 'null', '{"t":"sub","e":{}}', 'x'.repeat(2_000_000)]) {
      expect(() => connection.receive(junk)).not.toThrow();
    }
    connection.receive(JSON.stringify({ t: 'call', id: 9, m: 'app.info' }));
    const frames = fake.sent.filter((m) => (m as { t: string }).t === 'frame') as { text: string }[];
    expect(frames).toHaveLength(6);
    expect(frames.at(-1)?.text).toBe(JSON.stringify({ t: 'call', id: 9, m: 'app.info' }));
    await core.close();
  });

  it('holds a bounded number of frames for a core that does not come up, and fails the calls past it at once', async () => {
    const fake = standIn();
    const core = spawnCore({ options: options(), settings: memorySettingsStore(), secrets: memorySecretStore(), fork: () => fake.child, log: { warn: vi.fn(), error: vi.fn() } });
    const frames: string[] = [];
    const connection = core.connect({ id: 'tab-1', kind: 'workstation' }, (text) => frames.push(text));
    for (let id = 1; id <= 2001; id += 1) connection.receive(JSON.stringify({ t: 'call', id, m: 'app.info' }));
    expect(frames.map((text) => JSON.parse(text) as unknown)).toEqual([
      { t: 'res', id: 2001, r: { ok: false, code: 'internal', message: expect.stringContaining('was not run') } },
    ]);
    fake.post({ t: 'ready' });
    expect(fake.sent.filter((m) => (m as { t: string }).t === 'frame')).toHaveLength(2000);
    await core.close();
  });

  it('kills a core that does not close within the timeout', async () => {
    const fake = standIn({ stubborn: true });
    const core = spawnCore({
      options: options(),
      settings: memorySettingsStore(),
      secrets: memorySecretStore(),
      fork: () => fake.child,
      log: { warn: vi.fn(), error: vi.fn() },
      closeTimeoutMs: 100,
    });
    fake.post({ t: 'ready' });
    const started = Date.now();
    await core.close();
    expect(fake.sent).toContainEqual({ t: 'close' });
    expect(fake.child.kill).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('restarts with growing delays while the core keeps dying, and answers calls meanwhile with an error', async () => {
    const forks: number[] = [];
    const log = { warn: vi.fn(), error: vi.fn() };
    let last = standIn();
    const core = spawnCore({
      options: options(),
      settings: memorySettingsStore(),
      secrets: memorySecretStore(),
      fork: () => {
        forks.push(Date.now());
        last = standIn();
        return last.child;
      },
      log,
      restartDelaysMs: [20, 80],
    });
    const frames: string[] = [];
    const connection = core.connect({ id: 'tab-1', kind: 'workstation' }, (text) => frames.push(text));
    connection.receive(JSON.stringify({ t: 'call', id: 5, m: 'app.info' }));
    for (let crash = 0; crash < 3; crash += 1) {
      last.child.kill();
      await vi.waitFor(() => expect(forks).toHaveLength(crash + 2));
    }
    expect(forks[2]! - forks[1]!).toBeGreaterThanOrEqual(75);
    expect(forks[3]! - forks[2]!).toBeGreaterThanOrEqual(75);
    // the held call failed once, at the first crash
    expect(frames.map((text) => JSON.parse(text) as unknown)).toEqual([
      { t: 'res', id: 5, r: { ok: false, code: 'internal', message: expect.stringContaining('restarting') } },
    ]);
    // and, failed, it never runs: a core that finally comes up is not sent it
    last.post({ t: 'ready' });
    expect(last.sent.map((message) => (message as { t: string }).t)).toEqual(['init', 'connect']);
    await core.close();
  });
});
