import { describe, expect, it } from 'vitest';
import { eventually, F, FIXTURE_PASSWORD, record, useStage } from './syncHarness';

// Marking a customer VIP / KOC from the workstation sets the level every badge reads.
const stage = useStage('seatdesk-level-');

describe('customer level from the workstation', () => {
  it('a VIP mark reaches the badge sources (profile and conversation rows) and tells every window', async () => {
    const conversationId = await stage.server.customerSays('c1', F.queueX, '我是老客户了');
    const { rpc } = stage.core();
    await rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
    await eventually(async () => (await rpc.customers.get({ customerId: F.customers.c1 })).customer.level === 'normal', 40_000, 'the customer');
    const changed = record(rpc, 'entities.changed');

    await rpc.customers.setLevel({ customerId: F.customers.c1, level: 'VIP' });
    await eventually(async () => (await rpc.customers.get({ customerId: F.customers.c1 })).customer.level === 'VIP', 15_000, 'VIP level');
    expect((await rpc.conversations.get({ conversationId })).customer).toMatchObject({ id: F.customers.c1, level: 'VIP' });
    expect(changed.some((e) => e.entities.includes('customers'))).toBe(true);
    // A level is not a tag: the tags stay as they were.
    expect((await rpc.customers.get({ customerId: F.customers.c1 })).customer.tags).not.toContain('VIP');

    await expect(rpc.customers.setLevel({ customerId: F.customers.c1, level: 'SVIP' as 'VIP' })).rejects.toMatchObject({
      code: 'invalid_args',
      message: expect.stringContaining('level'),
    });
  }, 60_000);
});
