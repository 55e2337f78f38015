import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeScheduler } from '../routing/testing/fakeScheduler';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { MUTATION_PRUNE_INTERVAL_MS } from './pruning';

/*
 * applied_mutations is pruned: outcomes older than the retention are forgotten by an hourly
 * sweep on the server's clock (docs/sync-protocol.md, Mutations, "Retention").
 */
const DAY = 24 * 60 * 60 * 1000;
const RETENTION = 2 * DAY;

let dataDir: string;
let clock: FakeScheduler;
let t: FixtureServer;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'seatdesk-pruning-'));
  clock = new FakeScheduler();
  t = await startFixtureServer({ dataDir, scheduler: clock, now: clock.now, mutationRetentionMs: RETENTION, sessionTtlMs: 365 * DAY });
});
afterAll(async () => {
  await t.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function waitingConversation(): Promise<string> {
  return (await t.customerSays(await t.newCustomer(), F.queueX, 'hello')).conversationId;
}

describe('pruning applied mutation outcomes', () => {
  it('answers a repeat from storage within the retention and applies it anew after it', async () => {
    const conversationId = await waitingConversation();
    // Resolving a chat nobody accepted is refused, and the refusal is stored for repeats.
    const resolve = { id: 'prune-resolve-1', name: 'conversations.resolve', args: { conversationId, category: 'account' } };
    const first = await t.mutate(t.tokens.p1, 'client-prune', [resolve]);
    expect(first.results[0]).toMatchObject({ status: 'rejected' });
    expect((await t.apply('p1', 'conversations.accept', { conversationId })).length).toBeGreaterThan(0);

    clock.advance(RETENTION - MUTATION_PRUNE_INTERVAL_MS);
    const repeat = await t.mutate(t.tokens.p1, 'client-prune', [resolve]);
    expect(repeat.results[0]).toEqual(first.results[0]);

    // Past the retention, the next hourly sweep forgets it: the same id is now a new mutation.
    clock.advance(2 * MUTATION_PRUNE_INTERVAL_MS);
    const after = await t.mutate(t.tokens.p1, 'client-prune', [resolve]);
    expect(after.results[0]).toMatchObject({ id: 'prune-resolve-1', status: 'applied' });
  });

  it('keeps outcomes younger than the retention', async () => {
    const conversationId = await waitingConversation();
    const accept = { id: 'prune-accept-young', name: 'conversations.accept', args: { conversationId } };
    const first = await t.mutate(t.tokens.p1, 'client-prune', [accept]);
    expect(first.results[0]).toMatchObject({ status: 'applied' });
    expect(t.internals.domain.mutationPruner.pruneNow()).toBe(0);
    clock.advance(RETENTION / 2);
    expect((await t.mutate(t.tokens.p1, 'client-prune', [accept])).results[0]).toEqual(first.results[0]);
  });

  it('does not send a reply twice when its id comes back after the retention', async () => {
    const conversationId = await waitingConversation();
    await t.apply('p1', 'conversations.accept', { conversationId });
    const send = { id: 'prune-send-1', name: 'messages.send', args: { conversationId, text: 'only once, even much later' } };
    expect((await t.mutate(t.tokens.p1, 'client-prune', [send])).results[0]).toMatchObject({ status: 'applied' });
    clock.advance(RETENTION + 2 * MUTATION_PRUNE_INTERVAL_MS);
    const late = await t.mutate(t.tokens.p1, 'client-prune', [send]);
    expect(late.results[0]).toMatchObject({ status: 'applied' });
    const rows = (await t.pullAll(t.tokens.p1)).rows;
    expect(rows.filter((r) => r.entity === 'messages' && r.data.body === 'only once, even much later')).toHaveLength(1);
  });
});
