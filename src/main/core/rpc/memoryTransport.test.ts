import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRpcClient } from '../../../shared/rpc/client';
import type { RpcError } from '../../../shared/rpc/errors';
import { createCore, type Core } from '../core';
import { createMemoryTransport } from './memoryTransport';
import { testCoreOptions } from '../../../../tests/support/memoryStores';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

function openWindow(core: Core, id: string) {
  const frames: string[] = [];
  const link = createMemoryTransport((send) =>
    core.connect({ id, kind: 'workstation' }, (text) => {
      frames.push(text);
      send(text);
    }),
  );
  return { rpc: createRpcClient(link.transport), frames, drop: link.disconnect };
}

function newCore() {
  const core = createCore(testCoreOptions());
  cores.push(core);
  return core;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('in-memory transport with the typed client', () => {
  it('calls core methods through the feature.verb proxy', async () => {
    const { rpc } = openWindow(newCore(), 'w1');
    const settings = await rpc.settings.get();
    expect(settings.language).toBe('zh-CN');
    expect(await rpc.session.get()).toBeNull();
    expect((await rpc.app.info()).shell).toBe('browser');
  });

  it('rejects bad arguments with a typed invalid_args error', async () => {
    const { rpc } = openWindow(newCore(), 'w1');
    const error = await rpc.settings.set({ fontSize: 99 }).catch((e: RpcError) => e);
    expect(error).toMatchObject({ name: 'RpcError', code: 'invalid_args' });
    expect((await rpc.settings.get()).fontSize).toBe(14);
  });

  it('pushes a change made in one window to every subscribed window, and stops after unsubscribe', async () => {
    const core = newCore();
    const a = openWindow(core, 'a');
    const b = openWindow(core, 'b');
    const seenA: string[] = [];
    const seenB: string[] = [];
    a.rpc.on('settings.changed', (s) => seenA.push(s.language));
    const offB = b.rpc.on('settings.changed', (s) => seenB.push(s.language));
    await tick();
    await a.rpc.settings.set({ language: 'en' });
    await tick();
    expect(seenA).toEqual(['en']);
    expect(seenB).toEqual(['en']);

    offB();
    await tick();
    const framesBefore = b.frames.length;
    await a.rpc.settings.set({ language: 'zh-CN' });
    await tick();
    expect(seenB).toEqual(['en']);
    // The core no longer sends the event to b at all, not just drops it in the client.
    expect(b.frames.slice(framesBefore).some((f) => f.includes('"evt"'))).toBe(false);
  });

  it('cancels an in-flight call on abort and tells the core', async () => {
    // A server that accepts connections and never answers: the login hangs until cancelled.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const { rpc, frames } = openWindow(newCore(), 'w1');
      const controller = new AbortController();
      const login = rpc.session.login(
        { serverUrl: `http://127.0.0.1:${port}`, username: 'agent', password: 'x' },
        { signal: controller.signal },
      );
      await tick();
      controller.abort();
      await expect(login).rejects.toMatchObject({ code: 'cancelled' });
      await tick();
      // no late answer for the cancelled call reached the window
      expect(frames.filter((f) => f.includes('"res"'))).toHaveLength(0);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });

  it('fails pending calls with disconnected when the link drops', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const window = openWindow(newCore(), 'w1');
      const login = window.rpc.session.login({ serverUrl: `http://127.0.0.1:${port}`, username: 'a', password: 'b' });
      await tick();
      window.drop();
      await expect(login).rejects.toMatchObject({ code: 'disconnected' });
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });

  it('refuses a call larger than the frame limit before sending it', async () => {
    const { rpc, frames } = openWindow(newCore(), 'w1');
    const huge = 'x'.repeat(1_100_000);
    await expect(rpc.session.login({ serverUrl: 'http://127.0.0.1:1', username: huge, password: 'p' })).rejects.toMatchObject({
      code: 'too_large',
    });
    expect(frames).toHaveLength(0);
  });
});
