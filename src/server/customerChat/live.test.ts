import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WS_CLOSE_UNAUTHENTICATED } from '../../shared/api/auth';
import { CustomerMessagesResponseSchema } from '../../shared/api/customerChat';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';
import { openCollector, openWs, type Frame, type WsCollector } from '../testing/wsClient';

let t: FixtureServer;
const open: WsCollector[] = [];
beforeAll(async () => {
  t = await startFixtureServer();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await t.stop();
});

async function customerSocket(token: string): Promise<WsCollector> {
  const socket = await openCollector(t.url, token, '/api/customer/ws');
  open.push(socket);
  return socket;
}

async function agentSocket(user: keyof typeof t.tokens): Promise<WsCollector> {
  const socket = await openCollector(t.url, t.tokens[user]);
  open.push(socket);
  return socket;
}

const isEvent = (name: string, test: (payload: Record<string, unknown>) => boolean = () => true) => (f: Frame) =>
  f.t === 'event' && f.name === name && test(f.payload as Record<string, unknown>);

/** A new customer whose chat in queue X is assigned to p1. */
async function assignedChat(text = '我的订单还没发货') {
  const customer = await t.newCustomer();
  const { conversationId, message } = await t.customerSays(customer, F.queueX, text);
  await t.apply('p1', 'conversations.accept', { conversationId });
  return { customer, conversationId, firstMessageId: message.id };
}

describe('GET /api/customer/ws', () => {
  it('accepts the customer token as the first frame, as a browser sends it', async () => {
    const customer = await t.newCustomer();
    const ws = openWs(t.url, undefined, '/api/customer/ws');
    await new Promise((resolve) => ws.socket.once('open', resolve));
    ws.socket.send(JSON.stringify({ t: 'auth', token: customer.token }));
    expect(await ws.firstMessage).toEqual({ t: 'hello', customerId: customer.customerId });
    ws.socket.close();
  });

  it('closes with 4401 for an unknown token, and refuses agent tokens', async () => {
    const ws = openWs(t.url, undefined, '/api/customer/ws');
    await new Promise((resolve) => ws.socket.once('open', resolve));
    ws.socket.send(JSON.stringify({ t: 'auth', token: t.tokens.p1 }));
    expect((await ws.closed).code).toBe(WS_CLOSE_UNAUTHENTICATED);
    const garbage = openWs(t.url, undefined, '/api/customer/ws');
    await new Promise((resolve) => garbage.socket.once('open', resolve));
    garbage.socket.send(JSON.stringify({ t: 'typing', conversationId: 'x', typing: true }));
    expect((await garbage.closed).code).toBe(WS_CLOSE_UNAUTHENTICATED);
  });

  it('closes on a binary frame (1003) and after a flood of malformed ones (1008)', async () => {
    const customer = await t.newCustomer();
    const binary = openWs(t.url, customer.token, '/api/customer/ws');
    await binary.firstMessage;
    binary.socket.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1003);
    const flood = openWs(t.url, customer.token, '/api/customer/ws');
    await flood.firstMessage;
    for (let i = 0; i < 11; i += 1) flood.socket.send('{oops');
    expect((await flood.closed).code).toBe(1008);
    expect((await t.get('/api/health')).status).toBe(200);
  });

  it('pushes the agent’s reply and the status change, but not history re-stamped by the accept', async () => {
    const customer = await t.newCustomer();
    const { conversationId, message: first } = await t.customerSays(customer, F.queueX, '在吗');
    t.clock.advance(1000);
    const socket = await customerSocket(customer.token);
    await t.apply('p1', 'conversations.accept', { conversationId });
    await socket.next(isEvent('conversations.changed', (p) => p.conversationId === conversationId && p.status === 'assigned'));

    await t.apply('p1', 'messages.send', { conversationId, text: '您好，我来帮您查' });
    const pushed = await socket.next(isEvent('messages.changed'));
    expect(pushed.payload).toEqual({
      message: { id: expect.any(String), conversationId, senderKind: 'agent', kind: 'text', body: '您好，我来帮您查', createdAt: t.clock.time },
    });
    await t.apply('p1', 'messages.note', { conversationId, text: 'internal only' });
    const own = await t.customerSays(customer, F.queueX, '好的', { conversationId });
    await socket.next(isEvent('messages.changed', (p) => (p.message as { id: string }).id === own.message.id));
    const bodies = socket.frames.filter(isEvent('messages.changed')).map((f) => (f.payload as { message: { id: string; body: string } }).message);
    expect(bodies.map((m) => m.body)).toEqual(['您好，我来帮您查', '好的']);
    expect(bodies.map((m) => m.id)).not.toContain(first.id);
  });

  it('answers a bad frame with an error naming the field and keeps the socket open', async () => {
    const { customer, conversationId } = await assignedChat();
    const socket = await customerSocket(customer.token);
    socket.send({ t: 'typing', conversationId, typing: 'yes' });
    const error = await socket.next((f) => f.t === 'error');
    expect(error).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('typing') });
    socket.send({ t: 'typing', conversationId: 'someone-elses', typing: true });
    await socket.next((f) => f.t === 'error' && f.error === 'not_found');
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
  });
});

describe('typing', () => {
  it('goes from the customer to the assignee, and from the assignee to the customer', async () => {
    const { customer, conversationId } = await assignedChat();
    const [agent, other, socket] = [await agentSocket('p1'), await agentSocket('p2'), await customerSocket(customer.token)];

    socket.send({ t: 'typing', conversationId, typing: true });
    const typing = await agent.next(isEvent('typing.changed'));
    expect(typing.payload).toEqual({ conversationId, who: 'customer', typing: true });

    agent.send({ t: 'typing', conversationId, typing: true });
    expect((await socket.next(isEvent('typing.changed'))).payload).toEqual({ conversationId, who: 'agent', typing: true });
    // Nobody else hears it.
    expect(other.frames.some(isEvent('typing.changed'))).toBe(false);
  });

  it('is refused for an agent who does not see the conversation or does not handle it', async () => {
    const { conversationId } = await assignedChat();
    const stranger = await agentSocket('mB');
    stranger.send({ t: 'typing', conversationId, typing: true });
    expect(await stranger.next((f) => f.t === 'error')).toMatchObject({ error: 'not_found' });
    const bad = await agentSocket('p1');
    bad.send({ t: 'typing', conversationId });
    expect(await bad.next((f) => f.t === 'error')).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('typing') });
  });
});

describe('read positions', () => {
  it('the agent’s read reaches the customer, is stored, and never moves back', async () => {
    const { customer, conversationId, firstMessageId } = await assignedChat('第一句');
    t.clock.advance(1000);
    const second = await t.customerSays(customer, F.queueX, '第二句', { conversationId });
    const socket = await customerSocket(customer.token);
    const agent = await agentSocket('p1');

    agent.send({ t: 'read', conversationId, messageId: second.message.id });
    expect((await socket.next(isEvent('read.changed'))).payload).toEqual({ conversationId, who: 'agent', messageId: second.message.id });
    agent.send({ t: 'read', conversationId, messageId: firstMessageId });
    // A later frame proves the older read was handled (and ignored) first.
    agent.send({ t: 'typing', conversationId, typing: false });
    await socket.next(isEvent('typing.changed'));
    expect(socket.frames.filter(isEvent('read.changed'))).toHaveLength(1);

    const history = await t.get(`/api/customer/conversations/${conversationId}/messages`, bearer(customer.token));
    expect(CustomerMessagesResponseSchema.parse(await history.json()).agentReadUpTo).toBe(second.message.id);
  });

  it('a lead looking in is not shown to the customer as having read', async () => {
    const { customer, conversationId, firstMessageId } = await assignedChat('只给客服看');
    const socket = await customerSocket(customer.token);
    const lead = await agentSocket('leadX');
    lead.send({ t: 'read', conversationId, messageId: firstMessageId });
    // The lead's other workstations still learn it.
    expect((await lead.next(isEvent('read.changed'))).payload).toEqual({ conversationId, who: 'agent', messageId: firstMessageId });
    const history = await t.get(`/api/customer/conversations/${conversationId}/messages`, bearer(customer.token));
    expect(CustomerMessagesResponseSchema.parse(await history.json()).agentReadUpTo).toBeNull();
    // A round trip on the customer's socket: anything sent to it before has arrived by now.
    socket.send({ t: 'typing' });
    await socket.next((f) => f.t === 'error');
    expect(socket.frames.some(isEvent('read.changed'))).toBe(false);
  });

  it('the customer’s read reaches the assignee; a message of another conversation is refused', async () => {
    const { customer, conversationId } = await assignedChat();
    const rows = await t.apply('p1', 'messages.send', { conversationId, text: '请提供订单号' });
    const reply = rows.find((r) => r.entity === 'messages');
    const agent = await agentSocket('p1');
    const socket = await customerSocket(customer.token);
    socket.send({ t: 'read', conversationId, messageId: reply?.id });
    expect((await agent.next(isEvent('read.changed'))).payload).toEqual({ conversationId, who: 'customer', messageId: reply?.id });

    const elsewhere = await assignedChat();
    socket.send({ t: 'read', conversationId, messageId: elsewhere.firstMessageId });
    expect(await socket.next((f) => f.t === 'error')).toMatchObject({ error: 'not_found' });
  });
});
