import { describe, expect, it } from 'vitest';
import { openCollector, type Frame } from '../../src/server/testing/wsClient';
import { eventually, F, FIXTURE_PASSWORD, useStage } from './syncHarness';

// The agent's typing reaches the customer's socket through the core, live and never queued.
const stage = useStage('seatdesk-typing-');

const typingOf = (conversationId: string, typing: boolean) => (f: Frame) =>
  f.t === 'event' && f.name === 'typing.changed' && JSON.stringify(f.payload) === JSON.stringify({ conversationId, who: 'agent', typing });

describe('typing to the customer', () => {
  it('tells the customer the agent is typing and stopped; offline the signal is dropped, not delivered later', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, '在吗？');
    const { rpc } = stage.core();
    await rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    await eventually(async () => (await rpc.sync.status()).state === 'online' && (await rpc.messages.list({ conversationId })).messages.length > 0, 40_000, 'online');
    const customer = await openCollector(stage.server.url, F.tokens.c1, '/api/customer/ws');
    try {
      await rpc.conversations.typing({ conversationId, typing: true });
      await customer.next(typingOf(conversationId, true));
      await rpc.conversations.typing({ conversationId, typing: false });
      await customer.next(typingOf(conversationId, false));
      // Nothing about typing went into the outbox.
      expect(await rpc.outbox.list()).toEqual([]);
    } finally {
      await customer.close();
    }

    await stage.server.stop();
    await eventually(async () => (await rpc.sync.status()).state === 'offline', 15_000, 'offline');
    await rpc.conversations.typing({ conversationId, typing: true });
    expect(await rpc.outbox.list()).toEqual([]);
    await expect(rpc.conversations.typing({ conversationId: 'not-cached', typing: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(rpc.conversations.typing({ conversationId, typing: 'yes' as unknown as boolean })).rejects.toMatchObject({
      code: 'invalid_args',
      message: expect.stringContaining('typing'),
    });
  }, 60_000);
});
