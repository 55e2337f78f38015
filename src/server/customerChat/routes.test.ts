import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/auth';
import { CustomerMessagesResponseSchema, CustomerQueuesResponseSchema, CustomerSessionResponseSchema } from '../../shared/api/customerChat';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
});
afterAll(async () => {
  await t.stop();
});

describe('POST /api/customer/sessions', () => {
  it('creates an anonymous customer, and resumes it with the token', async () => {
    const first = CustomerSessionResponseSchema.parse(await (await t.post('/api/customer/sessions', { name: '小王' })).json());
    expect(first.resumed).toBe(false);
    const again = CustomerSessionResponseSchema.parse(await (await t.post('/api/customer/sessions', { token: first.token })).json());
    expect(again).toEqual({ ...first, resumed: true });
    const customer = t.internals.domain.customers.customer(first.customerId);
    expect(customer).toMatchObject({ name: '小王', level: 'normal', phone: null });
  });

  it('starts afresh for an unknown token, and accepts an empty body', async () => {
    const unknown = CustomerSessionResponseSchema.parse(await (await t.post('/api/customer/sessions', { token: 'u'.repeat(43) })).json());
    expect(unknown.resumed).toBe(false);
    const response = await fetch(`${t.url}/api/customer/sessions`, { method: 'POST' });
    expect(response.status).toBe(200);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(65) }, 'name'],
    [{ token: 'short' }, 'token'],
    [{ extra: 1 }, 'extra'],
  ])('%j → 400 naming %s', async (body, field) => {
    const response = await t.post('/api/customer/sessions', body);
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(await response.json()).message).toContain(field);
  });
});

describe('GET /api/customer/queues', () => {
  it('lists the queues a customer may write to', async () => {
    const { queues } = CustomerQueuesResponseSchema.parse(await (await t.get('/api/customer/queues')).json());
    expect(queues.map((q) => q.id)).toEqual(expect.arrayContaining([F.queueX, F.queueA, F.queueBot]));
  });
});

describe('POST /api/customer/messages', () => {
  it('answers a retry with the same client message id without storing it twice', async () => {
    const customer = await t.newCustomer();
    const send = () => t.customerSays(customer, F.queueX, 'only once please', { clientMessageId: 'widget-1' });
    const first = await send();
    const second = await send();
    expect(second).toEqual({ ...first, created: false });
    const response = await t.get(`/api/customer/conversations/${first.conversationId}/messages`, bearer(customer.token));
    expect(CustomerMessagesResponseSchema.parse(await response.json()).messages).toHaveLength(1);
  });

  it('appends to the customer’s open conversation in the queue when no id is given', async () => {
    const customer = await t.newCustomer();
    const a = await t.customerSays(customer, F.queueX, 'one');
    const b = await t.customerSays(customer, F.queueX, 'two');
    const c = await t.customerSays(customer, F.queueY, 'elsewhere');
    expect([a.created, b.created, c.created]).toEqual([true, false, true]);
    expect(b.conversationId).toBe(a.conversationId);
    expect(c.conversationId).not.toBe(a.conversationId);
  });

  it.each([
    [{ text: 'hi' }, 'queueId'],
    [{ queueId: F.queueX }, 'text'],
    [{ queueId: F.queueX, text: '   ' }, 'text'],
    [{ queueId: F.queueX, text: 'x'.repeat(5001) }, 'text'],
    [{ queueId: F.queueX, text: 'hi', channel: 'fax' }, 'channel'],
    [{ queueId: 'bad id!', text: 'hi' }, 'queueId'],
    [{ queueId: F.queueX, text: 'hi', surprise: true }, 'surprise'],
  ])('%j → 400 naming %s', async (body, field) => {
    const response = await t.post('/api/customer/messages', body, bearer(F.tokens.c4));
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(await response.json()).message).toContain(field);
  });

  it('404 for an unknown queue or another customer’s conversation, 400 for a channel the queue lacks', async () => {
    expect((await t.post('/api/customer/messages', { queueId: 'nope', text: 'hi' }, bearer(F.tokens.c4))).status).toBe(404);
    const theirs = await t.customerSays('c3', F.queueB, 'mine');
    expect((await t.post('/api/customer/messages', { queueId: F.queueB, conversationId: theirs.conversationId, text: 'x' }, bearer(F.tokens.c4))).status).toBe(404);
    expect((await t.get(`/api/customer/conversations/${theirs.conversationId}/messages`, bearer(F.tokens.c4))).status).toBe(404);
    expect((await t.get('/api/customer/conversations/nope/messages', bearer(F.tokens.c4))).status).toBe(404);
    const channel = await t.post('/api/customer/messages', { queueId: F.queueX, text: 'hi', channel: 'feedback' }, bearer(F.tokens.c4));
    expect(channel.status).toBe(400);
    expect(ApiErrorSchema.parse(await channel.json()).message).toContain('channel');
  });

  it('401 without a customer token, and for an agent token', async () => {
    expect((await t.post('/api/customer/messages', { queueId: F.queueX, text: 'hi' })).status).toBe(401);
    expect((await t.post('/api/customer/messages', { queueId: F.queueX, text: 'hi' }, bearer(t.tokens.p1))).status).toBe(401);
    expect((await t.get('/api/customer/conversations/x/messages', bearer(t.tokens.admin))).status).toBe(401);
  });
});

describe('POST /api/customer/conversations/:id/rating', () => {
  const rate = (token: string, conversationId: string, body: unknown) => t.post(`/api/customer/conversations/${conversationId}/rating`, body, bearer(token));

  it('takes one rating of a resolved conversation, which the agent then sees on the conversation', async () => {
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueX, '退款到账了吗');
    await t.apply('p1', 'conversations.accept', { conversationId });
    expect((await rate(customer.token, conversationId, { csat: 5 })).status).toBe(409);

    await t.apply('p1', 'conversations.resolve', { conversationId, category: '退款' });
    const response = await rate(customer.token, conversationId, { csat: 4 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ conversationId, csat: 4 });
    const row = (await t.everything('p1')).rows.find((r) => r.entity === 'conversations' && r.id === conversationId);
    expect(row?.data).toMatchObject({ csat: 4 });

    const again = await rate(customer.token, conversationId, { csat: 1 });
    expect(again.status).toBe(409);
    expect(ApiErrorSchema.parse(await again.json()).message).toContain('already rated');
    expect((await rate(F.tokens.c1, conversationId, { csat: 5 })).status).toBe(404);
  });

  it.each([[{ csat: 6 }], [{ csat: 0 }], [{ csat: 4.5 }], [{ csat: '5' }], [{}]])('%j → 400 naming csat', async (body) => {
    const response = await rate(F.tokens.c1, 'any-conversation', body);
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(await response.json()).message).toContain('csat');
  });
});
