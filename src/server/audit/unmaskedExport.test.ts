import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnmaskedExportResponseSchema } from '../../shared/api/exportAudit';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

// The audited way to clear personal data for an evidence export, over the real server.

let t: FixtureServer;
let inX: string;
let inY: string;

const post = (user: keyof typeof F.users, body: unknown) => t.post('/api/history/exports/unmasked', body, bearer(t.tokens[user]));
const auditRows = () =>
  t.internals.domain.audit.entriesFor(`users/${F.users.leadX}`).filter((e) => e.action === 'history.export_unmasked');

beforeAll(async () => {
  t = await startFixtureServer();
  inX = (await t.customerSays('c1', F.queueX, '我的电话变了')).conversationId;
  inY = (await t.customerSays('c2', F.queueY, '你好')).conversationId;
});
afterAll(async () => {
  await t.stop();
});

describe('POST /api/history/exports/unmasked', () => {
  it('records who exported which conversations and when, then answers the clear contact fields', async () => {
    const response = await post('leadX', { conversationIds: [inX, inX], format: 'json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = UnmaskedExportResponseSchema.parse(await response.json());
    expect(answer.customers).toEqual([{ customerId: F.customers.c1, phone: F.phone, email: expect.any(String), address: expect.any(String) }]);
    expect(auditRows()).toEqual([
      {
        id: answer.auditId,
        at: answer.at,
        userId: F.users.leadX,
        action: 'history.export_unmasked',
        target: `users/${F.users.leadX}`,
        detail: { conversationIds: [inX], format: 'json' },
      },
    ]);
    // The audit row holds what was exported, never the data itself.
    expect(JSON.stringify(auditRows())).not.toContain(F.phone);
  });

  it('refuses agents and any conversation outside the caller’s scope, recording nothing and revealing nothing', async () => {
    const before = auditRows().length;
    const agent = await post('p1', { conversationIds: [inX], format: 'html' });
    expect(agent.status).toBe(403);
    const outside = await post('leadX', { conversationIds: [inX, inY], format: 'html' });
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain(F.phone);
    expect(auditRows()).toHaveLength(before);
  });

  it('names the bad field and asks for a token', async () => {
    const bad = await post('leadX', { conversationIds: [], format: 'pdf' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/conversationIds|format/);
    expect((await t.post('/api/history/exports/unmasked', { conversationIds: [inX], format: 'json' })).status).toBe(401);
  });
});
