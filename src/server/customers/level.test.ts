import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/domain/customers';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
  // c1 talks to platform team X (p1 holds it) and to shop A (mA holds it); leadY sees neither.
  const platform = await t.customerSays('c1', F.queueX, '你好');
  await t.apply('p1', 'conversations.accept', { conversationId: platform.conversationId });
  const shop = await t.customerSays('c1', F.queueA, '这件有货吗');
  await t.apply('mA', 'conversations.accept', { conversationId: shop.conversationId });
});
afterAll(async () => {
  await t.stop();
});

const level = (rows: { entity: string; data: unknown }[]) => (rows.find((r) => r.entity === 'customers')?.data as Customer | undefined)?.level;

describe('customers.setLevel', () => {
  it('sets the level the badges read, and every viewer of the customer gets the new row', async () => {
    const before = (await t.everything('leadX')).serverSeq;
    expect(level(await t.apply('p1', 'customers.setLevel', { customerId: F.customers.c1, level: 'VIP' }))).toBe('VIP');
    // The lead and the shop's agent see c1 too: the changed row reaches them (pull from before).
    for (const viewer of ['leadX', 'mA'] as const) {
      const page = await t.pull(t.tokens[viewer], before);
      expect(level(page.rows.filter((r) => r.id === F.customers.c1))).toBe('VIP');
    }
    expect(level(await t.apply('leadX', 'customers.setLevel', { customerId: F.customers.c1, level: 'KOC' }))).toBe('KOC');
    expect(level(await t.apply('leadX', 'customers.setLevel', { customerId: F.customers.c1, level: 'normal' }))).toBe('normal');
  });

  it('refuses a merchant agent (the level is the platform’s) and a user who does not see the customer', async () => {
    expect(await t.act('mA', 'customers.setLevel', { customerId: F.customers.c1, level: 'VIP' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('leadY', 'customers.setLevel', { customerId: F.customers.c1, level: 'VIP' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('p1', 'customers.setLevel', { customerId: 'cust-unknown', level: 'VIP' })).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it.each([
    [{ customerId: F.customers.c1, level: 'SVIP' }, 'level'],
    [{ level: 'VIP' }, 'customerId'],
    [{ customerId: F.customers.c1, level: 'VIP', tags: ['VIP'] }, 'tags'],
  ])('%j is refused naming %s', async (args, field) => {
    const result = await t.act('p1', 'customers.setLevel', args);
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    expect(result.status === 'rejected' && result.message).toContain(field);
  });
});
