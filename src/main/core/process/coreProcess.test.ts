import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memorySecretStore } from '../../../../tests/support/memoryStores';
import { openAccountCache } from '../cache/accountCache';
import { CACHE_KEYS_SECRET, CacheKeys } from '../cache/cacheKeys';
import { cacheFilePath } from '../cache/openCache';
import { serveCore, type CoreProcess } from './coreProcess';
import type { CorePort, FromCore, ToCore } from './protocol';

/*
 * The child end of the core process protocol, driven in this process through a port: what the
 * parent sends goes in as messages, what the core posts is collected.
 */
let inbox: FromCore[];
let parent: EventEmitter;
let child: CoreProcess;

const send = (message: ToCore | unknown) => parent.emit('message', message);
const init: Extract<ToCore, { t: 'init' }> = {
  t: 'init',
  options: { dataDir: '', shell: 'browser', cacheKeyCustody: 'file', embeddedServerUrl: null, defaultServerUrl: 'http://127.0.0.1:4700', version: '0.0.0-test' },
  settings: { language: 'en' },
  secrets: {},
};

function framesTo(window: string): { t: string; id?: number; e?: string; r?: { ok: boolean; code?: string; value?: unknown }; p?: unknown }[] {
  return inbox.flatMap((m) => (m.t === 'frame' && m.w === window ? [JSON.parse(m.text) as never] : []));
}

beforeEach(() => {
  inbox = [];
  parent = new EventEmitter();
  const port: CorePort = {
    postMessage: (message) => inbox.push(structuredClone(message) as FromCore),
    on: (_event, listener) => void parent.on('message', listener),
  };
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  child = serveCore(port);
  send({ ...init, options: { ...init.options, dataDir: mkdtempSync(join(tmpdir(), 'seatdesk-core-process-')) } });
});

afterEach(async () => {
  await child.shutdown();
  vi.restoreAllMocks();
});

describe('the core process end of the protocol', () => {
  it('starts the core from init and says ready, with the settings the parent sent', async () => {
    expect(inbox).toEqual([{ t: 'ready' }]);
    send({ t: 'connect', w: 'tab-1', kind: 'settings' });
    send({ t: 'frame', w: 'tab-1', text: JSON.stringify({ t: 'call', id: 1, m: 'settings.get' }) });
    await vi.waitFor(() => expect(framesTo('tab-1')).toHaveLength(1));
    expect(framesTo('tab-1')[0]).toMatchObject({ t: 'res', id: 1, r: { ok: true, value: { language: 'en' } } });
  });

  it('keeps windows apart: each answer and event goes to the window it belongs to', async () => {
    send({ t: 'connect', w: 'a', kind: 'workstation' });
    send({ t: 'connect', w: 'b', kind: 'settings' });
    send({ t: 'frame', w: 'b', text: JSON.stringify({ t: 'sub', e: 'settings.changed' }) });
    send({ t: 'frame', w: 'a', text: JSON.stringify({ t: 'call', id: 7, m: 'settings.set', a: { language: 'zh-CN' } }) });
    await vi.waitFor(() => expect(framesTo('a')).toHaveLength(1));
    expect(framesTo('a')).toEqual([expect.objectContaining({ t: 'res', id: 7, r: expect.objectContaining({ ok: true }) })]);
    expect(framesTo('b')).toEqual([{ t: 'evt', e: 'settings.changed', p: expect.objectContaining({ language: 'zh-CN' }) }]);

    // the write goes to the parent to persist
    expect(inbox).toContainEqual({ t: 'settings', value: expect.objectContaining({ language: 'zh-CN' }) });

    // a disconnected window gets nothing more
    send({ t: 'disconnect', w: 'b' });
    send({ t: 'frame', w: 'a', text: JSON.stringify({ t: 'call', id: 8, m: 'settings.set', a: { language: 'en' } }) });
    await vi.waitFor(() => expect(framesTo('a')).toHaveLength(2));
    expect(framesTo('b')).toHaveLength(1);
  });

  it('drops garbled and hostile messages and keeps serving', async () => {
    for (const junk of [
      null,
      42,
      'init',
      [],
      { t: 'nope' },
      { t: 'frame', w: 'a' },
      { t: 'frame', w: '', text: 'x' },
      { t: 'connect', w: 'a', kind: 'admin' },
      { t: 'frame', w: 'never-connected', text: '{"t":"call","id":1,"m":"app.info"}' },
      { t: 'init', options: {}, settings: null, secrets: {} },
      { ...init, secrets: { session: 5 } },
    ]) {
      expect(() => send(junk)).not.toThrow();
    }
    // a second, valid init does not replace the running core
    send(init);
    send({ t: 'connect', w: 'a', kind: 'workstation' });
    send({ t: 'frame', w: 'a', text: '{"t":"call","id":' });
    send({ t: 'frame', w: 'a', text: JSON.stringify({ t: 'call', id: 2, m: 'app.info' }) });
    await vi.waitFor(() => expect(framesTo('a')).toHaveLength(1));
    expect(framesTo('a')[0]).toMatchObject({ id: 2, r: { ok: true, value: { shell: 'browser' } } });
    expect(inbox.filter((m) => m.t === 'ready')).toHaveLength(1);
    expect(inbox.filter((m) => m.t === 'closed')).toHaveLength(0);
  });

  it('closes the core when asked, says closed once, and then ignores everything', async () => {
    send({ t: 'connect', w: 'a', kind: 'workstation' });
    send({ t: 'close' });
    send({ t: 'close' });
    await child.closed;
    send({ t: 'frame', w: 'a', text: JSON.stringify({ t: 'call', id: 3, m: 'app.info' }) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inbox.filter((m) => m.t === 'closed')).toHaveLength(1);
    expect(framesTo('a')).toEqual([]);
  });
});

describe('a core process before init', () => {
  it('drops window messages until the parent has sent init', () => {
    const early = new EventEmitter();
    const posted: unknown[] = [];
    serveCore({ postMessage: (m) => posted.push(m), on: (_e, listener) => void early.on('message', listener) });
    early.emit('message', { t: 'connect', w: 'a', kind: 'workstation' });
    early.emit('message', { t: 'frame', w: 'a', text: JSON.stringify({ t: 'call', id: 1, m: 'app.info' }) });
    expect(posted).toEqual([]);
  });
});

describe('the cache key handed over in init', () => {
  // A saved session for a server that is not there: the core opens the account's cache offline.
  const serverUrl = 'http://127.0.0.1:9';
  const session = JSON.stringify({
    token: 't',
    info: { userId: 'u-1', username: 'agent', displayName: 'Agent', role: 'agent', teamKind: 'platform', serverUrl, expiresAt: Date.now() + 3_600_000 },
  });
  let running: CoreProcess[] = [];
  afterEach(async () => {
    await Promise.all(running.map((core) => core.shutdown()));
    running = [];
  });

  /** A core process started with these secrets; returns what it posts and a way to call it. */
  function start(dataDir: string, secrets: Record<string, string>) {
    const posted: FromCore[] = [];
    const events = new EventEmitter();
    running.push(serveCore({ postMessage: (m) => posted.push(structuredClone(m) as FromCore), on: (_e, listener) => void events.on('message', listener) }));
    events.emit('message', { ...init, options: { ...init.options, dataDir }, secrets: { session, ...secrets } });
    events.emit('message', { t: 'connect', w: 'a', kind: 'workstation' });
    let id = 0;
    const call = async (m: string, a?: object) => {
      const ask = ++id;
      events.emit('message', { t: 'frame', w: 'a', text: JSON.stringify({ t: 'call', id: ask, m, a }) });
      const answer = () => posted.flatMap((p) => (p.t === 'frame' ? [JSON.parse(p.text) as { id?: number; r: { value?: unknown } }] : [])).find((f) => f.id === ask);
      await vi.waitFor(() => expect(answer()).toBeDefined());
      return answer()!.r;
    };
    return { posted, call };
  }

  it('opens the account\'s encrypted cache with the key the parent handed over in init', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'seatdesk-core-key-'));
    const secrets = memorySecretStore();
    const { db } = openAccountCache(cacheFilePath(dataDir, serverUrl, 'u-1'), new CacheKeys(secrets), Date.now());
    db.prepare("INSERT INTO drafts VALUES ('c-1', 'written before the restart', 1)").run();
    db.close();

    const { posted, call } = start(dataDir, Object.fromEntries(secrets.values));
    expect(await call('drafts.get', { conversationId: 'c-1' })).toMatchObject({ ok: true, value: { text: 'written before the restart' } });
    expect(await call('cache.status')).toEqual({ ok: true, value: { keyCustody: 'file', reset: null } });
    expect(posted.filter((m) => m.t === 'secret' && m.key === CACHE_KEYS_SECRET)).toEqual([]);
  });

  it('starts afresh and says so when init brings no key for a cache on disk, and sends the new key to the parent to keep', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'seatdesk-core-key-'));
    openAccountCache(cacheFilePath(dataDir, serverUrl, 'u-1'), new CacheKeys(memorySecretStore()), Date.now()).db.close();

    const { posted, call } = start(dataDir, {});
    expect(await call('cache.status')).toMatchObject({ value: { reset: { reason: 'key_missing', movedTo: expect.stringMatching(/\.unreadable-.+\.sqlite$/) } } });
    const handed = posted.find((m) => m.t === 'secret' && m.key === CACHE_KEYS_SECRET);
    expect(handed).toMatchObject({ value: expect.stringMatching(/^\{"[0-9a-f]{32}\.sqlite":"[0-9a-f]{64}"\}$/) });
  });
});
