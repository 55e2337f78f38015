import { describe, expect, it } from 'vitest';
import type { SyncRow } from '../../src/shared/api/sync';
import type { Message } from '../../src/shared/domain/conversations';
import type { Rpc } from '../../src/shared/rpc/client';
import { eventually, F, fetchAgain, FIXTURE_PASSWORD, record, useStage, type CoreHandle } from './syncHarness';

// The outbox against a real server that goes away and comes back on the same port and database.
const stage = useStage('seatdesk-outbox-');

async function online(rpc: Rpc) {
  await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
}

/** p1 signs in, goes online for routing and accepts the conversation the router offers. */
async function p1WithConversation(): Promise<CoreHandle & { conversationId: string }> {
  const conversationId = await stage.server.customerSays('c1', F.queueX, '你好，我的订单还没发货');
  const handle = stage.core();
  await handle.rpc.session.login({ serverUrl: stage.server.url, username: 'p1', password: FIXTURE_PASSWORD });
  await online(handle.rpc);
  await handle.rpc.presence.set({ presence: 'online' });
  await eventually(async () => (await handle.rpc.offers.list()).some((o) => o.conversationId === conversationId), 15_000, 'an offer');
  await handle.rpc.conversations.accept({ conversationId });
  await eventually(async () => (await handle.rpc.outbox.list()).length === 0, 15_000, 'accept acknowledged');
  await eventually(async () => (await handle.rpc.conversations.list({ filter: 'mine' })).some((c) => c.id === conversationId));
  return { ...handle, conversationId };
}

/** The agent's messages of a conversation on the server, in the server's order. */
async function agentMessagesOnServer(conversationId: string): Promise<string[]> {
  const rows = await stage.server.everything(await stage.server.token('p1'));
  return rows
    .filter((r: SyncRow) => r.entity === 'messages' && (r.data as Message).conversationId === conversationId && (r.data as Message).senderKind === 'agent')
    .map((r) => r.data as Message)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((m) => m.body);
}

describe('outbox', () => {
  it('queues replies while the server is down and delivers them once, in order, to the customer and a second workstation', async () => {
    const p1 = await p1WithConversation();
    // A second workstation: the team's lead, watching the same conversation.
    const lead = stage.core();
    await lead.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    await eventually(async () => (await lead.rpc.messages.list({ conversationId: p1.conversationId })).messages.length > 0);
    await stage.server.stop();
    await eventually(async () => (await p1.rpc.sync.status()).state === 'offline', 15_000, 'offline');
    const texts = ['第一条', 'second', '第三条 third'];
    for (const text of texts) {
      const sent = await p1.rpc.messages.send({ conversationId: p1.conversationId, text });
      expect(sent).toMatchObject({ body: text, delivery: 'pending', failure: null });
    }
    expect(await p1.rpc.outbox.list()).toHaveLength(3);
    const page = await p1.rpc.messages.list({ conversationId: p1.conversationId });
    expect(page.messages.filter((m) => m.delivery === 'pending').map((m) => m.body)).toEqual(texts);
    // Offline the cache still answers: search finds the pending reply.
    expect((await p1.rpc.search.history({ query: '第三条' })).hits.map((h) => h.messageId)).toHaveLength(1);

    await stage.server.start();
    await online(p1.rpc);
    await eventually(async () => (await p1.rpc.outbox.list()).length === 0, 30_000, 'outbox drained');
    const after = await p1.rpc.messages.list({ conversationId: p1.conversationId });
    expect(after.messages.filter((m) => m.senderKind === 'agent').map((m) => [m.body, m.delivery])).toEqual(texts.map((t) => [t, 'sent']));
    expect(await agentMessagesOnServer(p1.conversationId)).toEqual(texts);
    const leadSees = async () =>
      (await lead.rpc.messages.list({ conversationId: p1.conversationId })).messages.filter((m) => m.senderKind === 'agent').map((m) => m.body);
    await eventually(async () => (await leadSees()).length === texts.length, 30_000, 'the lead has the replies');
    expect(await leadSees()).toEqual(texts);
    const customer = await fetchAgain(`${stage.server.url}/api/customer/conversations/${p1.conversationId}/messages`, {
      headers: { authorization: `Bearer ${F.tokens.c1}` },
    });
    const seen = ((await customer.json()) as { messages: { senderKind: string; body: string }[] }).messages;
    expect(seen.filter((m) => m.senderKind === 'agent').map((m) => m.body)).toEqual(texts);
  }, 90_000);

  it('resumes after the core closes between the local write and the send, and delivers exactly once', async () => {
    const p1 = await p1WithConversation();
    await stage.server.stop();
    const sent = await p1.rpc.messages.send({ conversationId: p1.conversationId, text: '重启之后再发' });
    await p1.rpc.drafts.set({ conversationId: p1.conversationId, text: '还没写完的草稿' });
    await p1.core.close();

    await stage.server.start();
    const again = stage.core(p1.secrets);
    // Restored from the cache before it has talked to the stage.server.
    expect((await again.rpc.messages.list({ conversationId: p1.conversationId })).messages.at(-1)).toMatchObject({ id: sent.id, delivery: 'pending' });
    expect(await again.rpc.drafts.get({ conversationId: p1.conversationId })).toMatchObject({ text: '还没写完的草稿' });
    await eventually(async () => (await again.rpc.outbox.list()).length === 0, 30_000, 'outbox drained');
    expect((await again.rpc.messages.list({ conversationId: p1.conversationId })).messages.at(-1)).toMatchObject({ id: sent.id, delivery: 'sent' });
    expect(await agentMessagesOnServer(p1.conversationId)).toEqual(['重启之后再发']);
  }, 90_000);

  it('rolls a rejected reply back to failed with the server reason, and a retry is a new attempt', async () => {
    const p1 = await p1WithConversation();
    await stage.server.stop();
    const sent = await p1.rpc.messages.send({ conversationId: p1.conversationId, text: 'too late' });
    await p1.core.close();
    await stage.server.start();
    // Meanwhile the lead moves the conversation to another queue: p1 no longer holds it.
    const lead = await stage.server.token('leadX');
    expect(await stage.server.mutate(lead, 'conversations.transfer', { conversationId: p1.conversationId, to: { queueId: F.queueBot } })).toBe('applied');

    const again = stage.core(p1.secrets);
    const failed = await eventually(async () => {
      const last = (await again.rpc.messages.list({ conversationId: p1.conversationId })).messages.find((m) => m.id === sent.id);
      return last?.delivery === 'failed' ? last : null;
    }, 30_000, 'the rejection');
    expect(failed.failure).toMatchObject({ code: expect.stringMatching(/forbidden|conflict/), message: expect.any(String) });
    expect(await agentMessagesOnServer(p1.conversationId)).toEqual([]);

    const changed = record(again.rpc, 'messages.changed');
    expect(await again.rpc.messages.retry({ messageId: sent.id })).toMatchObject({ delivery: 'pending', failure: null });
    await eventually(() => changed.length >= 2, 15_000, 'the retry answered');
    expect((await again.rpc.messages.list({ conversationId: p1.conversationId })).messages.find((m) => m.id === sent.id)?.delivery).toBe('failed');
    await expect(again.rpc.messages.retry({ messageId: 'no-such-message' })).rejects.toMatchObject({ code: 'not_found' });
  }, 90_000);

  it('rolls back a rejected accept and keeps the reason in the outbox for the user', async () => {
    const conversationId = await stage.server.customerSays('c2', F.queueX, 'anyone there?');
    const lead = stage.core();
    await lead.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    await eventually(async () => (await lead.rpc.conversations.list({ filter: 'queued' })).some((c) => c.id === conversationId));
    await stage.server.stop();
    // Offline, the accept shows at once...
    await lead.rpc.conversations.accept({ conversationId });
    expect((await lead.rpc.conversations.get({ conversationId })).status).toBe('assigned');
    await stage.server.start();
    // ...but p1 takes it first.
    expect(await stage.server.mutate(await stage.server.token('p1'), 'conversations.accept', { conversationId })).toBe('applied');
    const failed = await eventually(async () => (await lead.rpc.outbox.list()).find((e) => e.state === 'failed'), 40_000, 'the rejection');
    expect(failed).toMatchObject({ name: 'conversations.accept', error: { code: 'conflict' } });
    const conversation = await eventually(async () => {
      const c = await lead.rpc.conversations.get({ conversationId });
      return c.assigneeId === F.users.p1 ? c : null;
    });
    expect(conversation.status).toBe('assigned');
    await lead.rpc.outbox.dismiss({ mutationId: failed.mutationId });
    expect(await lead.rpc.outbox.list()).toEqual([]);
  }, 90_000);
});
