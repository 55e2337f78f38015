import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/auth';
import { F, type FixtureUser } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
  // c1 talks to team X: leadX and p1 see c1; leadY does not.
  const { conversationId } = await t.customerSays('c1', F.queueX, 'hello');
  await t.apply('p1', 'conversations.accept', { conversationId });
});
afterAll(async () => {
  await t.stop();
});

const reveal = (user: FixtureUser, customerId: string, body: unknown) =>
  t.post(`/api/customers/${customerId}/reveal`, body, bearer(t.tokens[user]));

describe('POST /api/customers/:id/reveal', () => {
  it('gives a lead the clear field and records who revealed what, without the value', async () => {
    const response = await reveal('leadX', F.customers.c1, { field: 'address' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ field: 'address', value: '浙江省杭州市西湖区文三路99号3栋201室' });
    const entries = t.internals.domain.audit.entriesFor(`customers/${F.customers.c1}`);
    expect(entries).toEqual([
      { id: expect.any(String), at: t.clock.time, userId: F.users.leadX, action: 'customer.reveal', target: `customers/${F.customers.c1}`, detail: { field: 'address' } },
    ]);
    expect(JSON.stringify(entries)).not.toContain('文三路');
  });

  it('lets an admin reveal any customer, and answers null for a field the customer has not given', async () => {
    expect(await (await reveal('admin', F.customers.c4, { field: 'phone' })).json()).toEqual({ field: 'phone', value: null });
    expect(await (await reveal('admin', F.customers.c2, { field: 'email' })).json()).toEqual({ field: 'email', value: `${F.customers.c2}@example.com` });
  });

  it('refuses agents (403) and customers out of scope (404), and audits neither', async () => {
    const before = t.internals.domain.audit.entriesFor(`customers/${F.customers.c1}`).length;
    expect((await reveal('p1', F.customers.c1, { field: 'phone' })).status).toBe(403);
    expect((await reveal('mA', F.customers.c1, { field: 'phone' })).status).toBe(403);
    expect((await reveal('leadY', F.customers.c1, { field: 'phone' })).status).toBe(404);
    expect((await reveal('leadX', 'cust-unknown', { field: 'phone' })).status).toBe(404);
    expect(t.internals.domain.audit.entriesFor(`customers/${F.customers.c1}`)).toHaveLength(before);
  });

  it.each([
    [{}, 'field'],
    [{ field: 'id_card' }, 'field'],
    [{ field: 'phone', why: 'curious' }, 'why'],
  ])('%j → 400 naming %s', async (body, field) => {
    const response = await reveal('leadX', F.customers.c1, body);
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(await response.json()).message).toContain(field);
  });

  it('400 for a malformed id, 401 without a token', async () => {
    expect((await reveal('leadX', 'bad id!', { field: 'phone' })).status).toBe(400);
    expect((await t.post(`/api/customers/${F.customers.c1}/reveal`, { field: 'phone' })).status).toBe(401);
  });
});
