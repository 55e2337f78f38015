import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient } from '../../shared/rpc/client';
import { createFakeCore, settle } from '../testing/fakeCore';
import { summary, workstationWorld } from '../testing/workstationWorld';
import { createWorkstationStore, tabIds, totalUnread } from './workstationStore';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

async function started(mine = [summary('a', { unread: 2 }), summary('b'), summary('c', { unread: 1 })]) {
  const { world, handlers } = workstationWorld({ mine });
  const core = createFakeCore(handlers);
  const store = createWorkstationStore(createRpcClient(core.transport));
  stop = store.getState().start();
  await vi.waitFor(() => expect(store.getState().loaded).toBe(true));
  return { world, core, store };
}

const listReads = (core: { calls: { method: string; args: unknown }[] }) =>
  core.calls.filter((c) => c.method === 'conversations.list' && (c.args as { filter: string }).filter === 'mine').length;

describe('workstation store', () => {
  it('opens the agent’s active chats as tabs, the first one active, and counts their unread messages', async () => {
    const { store } = await started();
    expect(tabIds(store.getState())).toEqual(['a', 'b', 'c']);
    expect(store.getState().activeId).toBe('a');
    expect(totalUnread(store.getState())).toBe(3);
  });

  it('moves to the previous and next chat, wrapping around', async () => {
    const { store } = await started();
    store.getState().step(-1);
    expect(store.getState().activeId).toBe('c');
    store.getState().step(1);
    store.getState().step(1);
    expect(store.getState().activeId).toBe('b');
  });

  it('keeps a chat opened from another list as an extra tab until it is closed', async () => {
    const { store } = await started();
    store.getState().open('old');
    expect(tabIds(store.getState())).toEqual(['a', 'b', 'c', 'old']);
    expect(store.getState().activeId).toBe('old');
    store.getState().close('old');
    expect(tabIds(store.getState())).toEqual(['a', 'b', 'c']);
    expect(store.getState().activeId).toBe('a');
  });

  it('reads the lists again once after a burst of change events, and follows what the core now says', async () => {
    const { world, core, store } = await started();
    const before = listReads(core);
    world.mine = [summary('b', { unread: 5 })];
    for (let i = 0; i < 20; i += 1) core.emit('messages.changed', { conversationIds: ['b'], ids: [`m${i}`] });
    await vi.waitFor(() => expect(store.getState().lists.mine.map((c) => c.id)).toEqual(['b']));
    await settle();
    expect(listReads(core) - before).toBeLessThanOrEqual(2);
    // The active chat left the agent's list (resolved elsewhere): the next tab takes over.
    expect(store.getState().activeId).toBe('b');
    expect(totalUnread(store.getState())).toBe(5);
  });

  it('listens again after being stopped and started (as React StrictMode does with effects)', async () => {
    const { world, core, store } = await started();
    stop!();
    stop = store.getState().start();
    world.mine = [summary('z')];
    await settle();
    core.emit('conversations.changed', { ids: ['z'] });
    await vi.waitFor(() => expect(store.getState().lists.mine.map((c) => c.id)).toEqual(['z']));
  });

  it('takes the pushed offers as they are', async () => {
    const { core, store } = await started();
    core.emit('offers.changed', [{ conversationId: 'q1', queueId: 'q-account', expiresAt: Date.now() + 20_000, customer: null }]);
    await vi.waitFor(() => expect(store.getState().offers.map((o) => o.conversationId)).toEqual(['q1']));
  });

  it('routes a side panel’s insert to the active chat unless another is named', async () => {
    const { store } = await started();
    store.getState().insert('您好');
    expect(store.getState().insertion).toMatchObject({ conversationId: 'a', text: '您好', seq: 1 });
    store.getState().insert('再见', 'c');
    expect(store.getState().insertion).toMatchObject({ conversationId: 'c', text: '再见', seq: 2 });
  });
});
