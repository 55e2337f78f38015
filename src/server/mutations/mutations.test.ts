import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/auth';
import { MutationResponseSchema, WsMutatedFrameSchema, type SyncRow } from '../../shared/api/sync';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';
import { openCollector } from '../testing/wsClient';

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
});
afterAll(async () => {
  await t.stop();
});

/** A conversation of a brand-new customer, so no test appends to another's. */
async function fresh(queueId: string = F.queueX): Promise<string> {
  return (await t.customerSays(await t.newCustomer(), queueId, 'hello')).conversationId;
}

async function assignedToP1(): Promise<string> {
  const conversationId = await fresh();
  await t.apply('p1', 'conversations.accept', { conversationId });
  return conversationId;
}

function messageRows(rows: SyncRow[], conversationId: string, body: string): SyncRow[] {
  return rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId && r.data.body === body);
}

describe('POST /api/mutations', () => {
  it('applies a batch in order and answers with the resulting rows', async () => {
    const conversationId = await fresh();
    const response = await t.mutate(t.tokens.p1, 'client-batch', [
      { id: 'm1', name: 'conversations.accept', args: { conversationId } },
      { id: 'm2', name: 'messages.send', args: { conversationId, text: 'hi there', messageId: 'client-made-id-1' } },
      { id: 'm3', name: 'conversations.resolve', args: { conversationId, category: 'account' } },
    ]);
    expect(response.results.map((r) => [r.id, r.status])).toEqual([
      ['m1', 'applied'],
      ['m2', 'applied'],
      ['m3', 'applied'],
    ]);
    const sent = response.results[1]!;
    if (sent.status !== 'applied') throw new Error('unreachable');
    expect(sent.rows.find((r) => r.entity === 'messages')).toMatchObject({ id: 'client-made-id-1', data: { body: 'hi there', senderId: F.users.p1 } });
    expect(sent.rows.find((r) => r.entity === 'conversations')?.data).toMatchObject({
      status: 'waiting_customer',
      firstResponseAt: t.clock.time,
      lastAgentAt: t.clock.time,
    });
  });

  it('applies a repeated id once and answers it with the stored outcome', async () => {
    const conversationId = await assignedToP1();
    const mutation = { id: 'repeat-1', name: 'messages.send', args: { conversationId, text: 'only once' } };
    const first = await t.mutate(t.tokens.p1, 'client-repeat', [mutation]);
    t.clock.advance(1000);
    const second = await t.mutate(t.tokens.p1, 'client-repeat', [mutation, mutation]);
    expect(second.results).toEqual([first.results[0], first.results[0]]);
    expect(messageRows((await t.everything('p1')).rows, conversationId, 'only once')).toHaveLength(1);
  });

  it('takes ids in any order: they are identities, not a sequence', async () => {
    const conversationId = await assignedToP1();
    const response = await t.mutate(t.tokens.p1, 'client-order', [
      { id: 'zzz-last', name: 'messages.note', args: { conversationId, text: 'z' } },
      { id: 'aaa-first', name: 'messages.note', args: { conversationId, text: 'a' } },
      { id: '01J0000000000000000000000', name: 'messages.note', args: { conversationId, text: 'u' } },
    ]);
    expect(response.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });

  it('keeps a rejection permanent: a retry gets the stored rejection even once it would succeed', async () => {
    const conversationId = await fresh();
    const early = { id: 'too-early', name: 'messages.send', args: { conversationId, text: 'hello?' } };
    expect((await t.mutate(t.tokens.leadX, 'client-lead', [early])).results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
    await t.apply('p1', 'conversations.accept', { conversationId });
    expect((await t.mutate(t.tokens.leadX, 'client-lead', [early])).results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
  });

  it('rejects accepting a conversation someone else took, with conflict and a reason', async () => {
    const conversationId = await assignedToP1();
    const result = await t.act('leadX', 'conversations.accept', { conversationId });
    expect(result).toEqual({ id: result.id, status: 'rejected', code: 'conflict', message: 'the conversation is already assigned to someone else' });
  });

  it('never hands one user’s stored outcome to another user reusing the ids', async () => {
    const conversationId = await assignedToP1();
    await t.mutate(t.tokens.p1, 'shared-client', [{ id: 'shared-id', name: 'messages.send', args: { conversationId, text: 'secret' } }]);
    const other = await t.mutate(t.tokens.p2, 'shared-client', [{ id: 'shared-id', name: 'messages.send', args: { conversationId, text: 'x' } }]);
    expect(other.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(JSON.stringify(other)).not.toContain('secret');
  });

  it('lets exactly one of two clients accept the same conversation at once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const conversationId = await fresh();
      const p1 = await openCollector(t.url, t.tokens.p1);
      const [viaWs, viaHttp] = await Promise.all([
        (async () => {
          p1.send({ t: 'mutate', clientId: 'race-ws', mutations: [{ id: `race-${round}`, name: 'conversations.accept', args: { conversationId } }] });
          return WsMutatedFrameSchema.parse(await p1.next((f) => f.t === 'mutated')).results[0]!;
        })(),
        t.act('leadX', 'conversations.accept', { conversationId }),
      ]);
      expect([viaWs.status, viaHttp.status].sort()).toEqual(['applied', 'rejected']);
      await p1.close();
      const winner = viaWs.status === 'applied' ? 'p1' : 'leadX';
      await t.apply(winner, 'conversations.resolve', { conversationId, category: 'race' });
    }
  });

  it('applies everything two clients send concurrently, each message once', async () => {
    const conversationId = await assignedToP1();
    const send = (client: string, token: string, i: number) =>
      t.mutate(token, client, [{ id: `${client}-${i}`, name: 'messages.note', args: { conversationId, text: `${client} ${i}` } }]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => [send('desk-1', t.tokens.p1, i), send('desk-2', t.tokens.leadX, i), send('desk-1', t.tokens.p1, i)]).flat(),
    );
    expect(results.every((r) => r.results[0]?.status === 'applied')).toBe(true);
    const notes = (await t.everything('p1')).rows.filter((r) => r.entity === 'messages' && r.data.conversationId === conversationId && r.data.kind === 'note');
    expect(notes).toHaveLength(40);
    expect(new Set(notes.map((n) => n.seq)).size).toBe(40);
  });
});

describe('the mutate frame', () => {
  it('answers with mutated after commit, sharing at-most-once storage with HTTP', async () => {
    const conversationId = await assignedToP1();
    const socket = await openCollector(t.url, t.tokens.p1);
    const mutation = { id: 'ws-1', name: 'messages.send', args: { conversationId, text: 'over the socket' } };
    socket.send({ t: 'mutate', clientId: 'client-ws', mutations: [mutation] });
    const answer = WsMutatedFrameSchema.parse(await socket.next((f) => f.t === 'mutated'));
    expect(answer.results[0]).toMatchObject({ id: 'ws-1', status: 'applied' });
    const again = await t.mutate(t.tokens.p1, 'client-ws', [mutation]);
    expect(again.results[0]).toEqual(answer.results[0]);
    await socket.close();
  });

  it('answers a bad frame with an error naming the field and keeps the socket', async () => {
    const socket = await openCollector(t.url, t.tokens.p1);
    socket.send({ t: 'mutate', clientId: 'ok', mutations: [{ name: 'messages.send', args: {} }] });
    const error = await socket.next((f) => f.t === 'error');
    expect(error).toMatchObject({ t: 'error', error: 'invalid_request' });
    expect(String(error.message)).toContain('mutations[0].id');
    socket.send({ t: 'mutate', clientId: 'has space', mutations: [{ id: 'a', name: 'x', args: {} }] });
    expect(String((await socket.next((f) => f.t === 'error' && String(f.message).includes('clientId'))).message)).toContain('clientId');
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
    await socket.close();
  });
});

describe('POST /api/mutations bad input', () => {
  const post = (body: unknown, token = t.tokens.p1) => t.post('/api/mutations', body, bearer(token));

  it.each([
    [{}, 'clientId'],
    [{ clientId: 'c' }, 'mutations'],
    [{ clientId: 'c', mutations: [] }, 'mutations'],
    [{ clientId: 'c', mutations: [{ id: 'a', args: {} }] }, 'mutations[0].name'],
    [{ clientId: 'bad id!', mutations: [{ id: 'a', name: 'n', args: {} }] }, 'clientId'],
    [{ clientId: 'c', mutations: Array.from({ length: 101 }, (_, i) => ({ id: `m${i}`, name: 'n', args: {} })) }, 'mutations'],
  ])('%j → 400 naming %s', async (body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(await response.json()).message).toContain(field);
  });

  it('400 for a body that is not JSON, 401 without a token', async () => {
    expect((await t.post('/api/mutations', '{not json', { ...bearer(t.tokens.p1), 'content-type': 'application/json' })).status).toBe(400);
    expect((await t.post('/api/mutations', { clientId: 'c', mutations: [{ id: 'a', name: 'n', args: {} }] })).status).toBe(401);
  });

  it('rejects unknown names and bad args per mutation, as invalid_args naming the field', async () => {
    const response = await post({
      clientId: 'client-bad-args',
      mutations: [
        { id: 'b1', name: 'conversations.explode', args: {} },
        { id: 'b2', name: 'messages.send', args: { text: 'no conversation' } },
        { id: 'b3', name: 'messages.send', args: { conversationId: 'x', text: '   ' } },
        { id: 'b4', name: 'conversations.transfer', args: { conversationId: 'x', to: { agentId: 'a', queueId: 'q' } } },
        { id: 'b5', name: 'customers.tag', args: { customerId: F.customers.c1, sneaky: true } },
      ],
    });
    expect(response.status).toBe(200);
    const { results } = MutationResponseSchema.parse(await response.json());
    expect(results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(Array(5).fill('invalid_args'));
    const messages = results.map((r) => (r.status === 'rejected' ? r.message : ''));
    expect(messages[0]).toContain('unknown mutation');
    expect(messages[1]).toContain('conversationId');
    expect(messages[2]).toContain('text');
    expect(messages[3]).toContain('to');
    expect(messages[4]).toContain('sneaky');
  });
});
