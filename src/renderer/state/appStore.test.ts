// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createRpcClient } from '../../shared/rpc/client';
import { RpcError } from '../../shared/rpc/errors';
import { createFakeCore, settle, type FakeHandlers } from '../testing/fakeCore';
import { agentSession, coreHandlers, freshCoreState } from '../testing/fixtures';
import { createAppStore } from './appStore';

function setup(options: { up?: boolean; extra?: FakeHandlers } = {}) {
  const state = freshCoreState();
  const core = createFakeCore({ ...coreHandlers(state), ...options.extra }, { up: options.up ?? true });
  const store = createAppStore(createRpcClient(core.transport), { linkUp: options.up ?? true });
  const stop = store.getState().start();
  return { state, core, store, stop };
}

describe('app store', () => {
  it('loads info, session, settings and sync status when started on a live link', async () => {
    const { store } = setup();
    expect(store.getState().loading).toBe(true);
    await settle();
    const s = store.getState();
    expect(s.loading).toBe(false);
    expect(s.info?.name).toBe('Seatdesk');
    expect(s.session).toBeNull();
    expect(s.settings?.language).toBe('zh-CN');
    expect(s.sync?.state).toBe('signed_out');
  });

  it('follows the session, settings and sync events the core pushes', async () => {
    const { core, store } = setup();
    await settle();
    core.emit('session.changed', agentSession);
    core.emit('settings.changed', { ...store.getState().settings!, language: 'en' });
    core.emit('sync.changed', { state: 'offline', since: 5, lastError: 'ECONNREFUSED' });
    await settle();
    expect(store.getState().session?.displayName).toBe('Agent One');
    expect(store.getState().settings?.language).toBe('en');
    expect(store.getState().sync).toEqual({ state: 'offline', since: 5, lastError: 'ECONNREFUSED' });
    core.emit('session.changed', null);
    await settle();
    expect(store.getState().session).toBeNull();
  });

  it('waits for the link before loading, then reloads and resubscribes on every relink', async () => {
    const { core, state, store } = setup({ up: false });
    await settle();
    expect(core.calls).toEqual([]);
    expect(store.getState()).toMatchObject({ linkUp: false, loading: true });

    core.setLink(true);
    await settle();
    expect(store.getState()).toMatchObject({ linkUp: true, loading: false });

    core.setLink(false);
    expect(store.getState().linkUp).toBe(false);
    state.session = agentSession; // changed while this window was cut off
    core.setLink(true);
    await settle();
    expect(store.getState().session?.username).toBe('agent1');
    expect(core.isSubscribed('sync.changed')).toBe(true);
    core.emit('sync.changed', { state: 'online', since: 9 });
    await settle();
    expect(store.getState().sync?.state).toBe('online');
  });

  it('keeps a pushed value over the answer of a load that was already under way', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { core, store } = setup({
      extra: {
        'session.get': async () => {
          await gate;
          return null;
        },
      },
    });
    await settle();
    core.emit('session.changed', agentSession);
    await settle();
    release();
    await settle();
    expect(store.getState().session?.userId).toBe('u_1');
  });

  it('stores what settings.set returns, and the core keeps the change', async () => {
    const { state, store } = setup();
    await settle();
    const saved = await store.getState().updateSettings({ theme: 'dark', fontSize: 16 });
    expect(saved.theme).toBe('dark');
    expect(store.getState().settings).toMatchObject({ theme: 'dark', fontSize: 16 });
    expect(state.settings.fontSize).toBe(16);
  });

  it('signs in and out through the core', async () => {
    const { core, store } = setup({
      extra: { 'session.login': ({ username }) => ({ ...agentSession, username }) },
    });
    await settle();
    await store.getState().login({ serverUrl: 'http://127.0.0.1:4700', username: 'a2', password: 'pw' });
    expect(store.getState().session?.username).toBe('a2');
    await store.getState().logout();
    expect(store.getState().session).toBeNull();
    expect(core.calls.map((c) => c.method)).toContain('session.logout');
  });

  it('passes a failed sign-in on as the RpcError the core answered', async () => {
    const { store } = setup({
      extra: {
        'session.login': () => {
          throw new RpcError('unauthenticated', 'bad credentials');
        },
      },
    });
    await settle();
    const failure = store.getState().login({ serverUrl: 'http://h', username: 'x', password: 'y' });
    await expect(failure).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(store.getState().session).toBeNull();
  });

  it('reports a load that failed inside the core, and clears it when a retry works', async () => {
    let broken = true;
    const { store } = setup({
      extra: {
        'settings.get': () => {
          if (broken) throw new RpcError('internal', 'disk');
          return freshCoreState().settings;
        },
      },
    });
    await settle();
    expect(store.getState()).toMatchObject({ loading: true, loadError: 'internal' });
    broken = false;
    await store.getState().refresh();
    expect(store.getState()).toMatchObject({ loading: false, loadError: null });
  });

  it('stops listening when stopped', async () => {
    const { core, store, stop } = setup();
    await settle();
    stop();
    core.emit('session.changed', agentSession);
    await settle();
    expect(store.getState().session).toBeNull();
  });
});
