import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRpcClient } from '../../shared/rpc/client';
import { createFakeCore, settle, type FakeHandlers } from '../testing/fakeCore';
import { summary, workstationWorld } from '../testing/workstationWorld';
import { createWorkstationStore, tabIds, totalUnread } from './workstationStore';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

async function started(mine = [summary('a', { unread: 2 }), summary('b'), summary('c', { unread: 1 }), summary('old', { status: 'resolved' })], extra: FakeHandlers = {}) {
  const { world, handlers } = workstationWorld({ mine: mine.filter((c) => c.status !== 'resolved') });
  const all = mine;
  const core = createFakeCore({
    ...handlers,
    'conversations.ids': ({ filter }) => (filter === 'resolved_today' ? all.filter((c) => c.status === 'resolved').map((c) => c.id) : handlers['conversations.ids']!({ filter })),
    'conversations.summaries': ({ ids }) => [...world.mine, ...all.filter((c) => c.status === 'resolved')].filter((c) => ids.includes(c.id)),
    ...extra,
  });
  const store = createWorkstationStore(createRpcClient(core.transport));
  stop = store.getState().start();
  await vi.waitFor(() => expect(store.getState().loaded).toBe(true));
  return { world, core, store };
}

type Calls = { calls: { method: string; args: unknown }[] };
const listReads = (core: Calls) => core.calls.filter((c) => c.method === 'conversations.ids' && (c.args as { filter: string }).filter === 'mine').length;
const summaryReads = (core: Calls) => core.calls.filter((c) => c.method === 'conversations.summaries').map((c) => (c.args as { ids: string[] }).ids);
const mineShown = (store: Awaited<ReturnType<typeof started>>['store']) => store.getState().ids.mine;

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
    core.emit('conversations.changed', { ids: ['a', 'c'] });
    await vi.waitFor(() => expect(mineShown(store)).toEqual(['b']));
    await settle();
    expect(listReads(core) - before).toBeLessThanOrEqual(2);
    // The active chat left the agent's list (resolved elsewhere): the next tab takes over.
    expect(store.getState().activeId).toBe('b');
    expect(totalUnread(store.getState())).toBe(5);
  });

  it('reads only the summary of a chat whose messages changed, and the lists’ ids only when a chat moved between them', async () => {
    const { world, core, store } = await started();
    const before = listReads(core);
    world.mine[1] = summary('b', { unread: 4, lastMessage: { body: '在吗', senderKind: 'customer', kind: 'text', createdAt: 5 } });
    const reads = summaryReads(core).length;
    core.emit('messages.changed', { conversationIds: ['b'], ids: ['m1'] });
    core.emit('conversations.changed', { ids: ['b'] });
    await vi.waitFor(() => expect(store.getState().summaries.b?.unread).toBe(4));
    await settle();
    expect(summaryReads(core).slice(reads)).toEqual([['b']]);
    expect(listReads(core)).toBe(before);
    expect(totalUnread(store.getState())).toBe(2 + 4 + 1);

    // Resolved elsewhere: it leaves the agent's active list.
    world.mine = world.mine.filter((c) => c.id !== 'b');
    core.emit('conversations.changed', { ids: ['b'] });
    await vi.waitFor(() => expect(mineShown(store)).toEqual(['a', 'c']));
    expect(listReads(core)).toBe(before + 1);
  });

  it('holds every id of a long list but reads the summaries of the active chats and of the rows asked for only', async () => {
    const resolved = Array.from({ length: 10_000 }, (_, i) => summary(`r${i}`, { status: 'resolved' }));
    const { core, store } = await started([summary('a'), ...resolved]);
    expect(store.getState().ids.resolved_today).toHaveLength(10_000);
    expect(Object.keys(store.getState().summaries)).toEqual(['a']);
    store.getState().want(['r5000', 'r5001', 'a']);
    store.getState().want(['r5000']);
    await vi.waitFor(() => expect(store.getState().summaries.r5001?.status).toBe('resolved'));
    expect(summaryReads(core).filter((ids) => ids.includes('r5000'))).toEqual([['r5000', 'r5001']]);
  });

  it('listens again after being stopped and started (as React StrictMode does with effects)', async () => {
    const { world, core, store } = await started();
    stop!();
    stop = store.getState().start();
    world.mine = [summary('z')];
    await settle();
    core.emit('conversations.changed', { ids: ['z'] });
    await vi.waitFor(() => expect(mineShown(store)).toEqual(['z']));
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
