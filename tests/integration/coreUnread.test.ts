import { describe, expect, it } from 'vitest';
import { watchUnread } from '../../src/main/electron/unreadBadge';
import { eventually, F, FIXTURE_PASSWORD, useStage } from './syncHarness';

// The shell's tray / dock / taskbar count, driven by the core's unread total (watchUnread needs no Electron).
const stage = useStage('seatdesk-unread-');

describe('unread total for the tray', () => {
  it('follows new customer messages in the agent’s chats and drops when the chat is read; 0 when signed out', async () => {
    const { core, rpc } = stage.core();
    const shown: number[] = [];
    const stop = watchUnread(core, { setUnread: (n) => shown.push(n) });
    await eventually(() => shown.at(-1) === 0, 5000, 'signed out: 0');

    const conversationId = await stage.server.customerSays('c1', F.queueX, '你好，我的订单还没发货');
    await rpc.session.login({ serverUrl: stage.server.url, username: 'p1', password: FIXTURE_PASSWORD });
    await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
    await rpc.presence.set({ presence: 'online' });
    await eventually(async () => (await rpc.offers.list()).some((o) => o.conversationId === conversationId), 15_000, 'an offer');
    await rpc.conversations.accept({ conversationId });
    await eventually(async () => (await rpc.conversations.list({ filter: 'mine' })).some((c) => c.id === conversationId), 15_000, 'accepted');
    await rpc.conversations.read({ conversationId });
    await eventually(() => shown.at(-1) === 0, 5000, 'read: 0');

    await stage.server.customerSays('c1', F.queueX, '在吗');
    await stage.server.customerSays('c1', F.queueX, '请尽快处理');
    await eventually(() => shown.at(-1) === 2, 15_000, 'two unread');
    expect(await rpc.unread.get()).toEqual({ total: 2 });

    await rpc.conversations.read({ conversationId });
    await eventually(() => shown.at(-1) === 0, 5000, 'read again: 0');
    stop();
  }, 60_000);
});
