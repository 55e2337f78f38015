import { describe, expect, it } from 'vitest';
import type { Rpc } from '../../../shared/rpc/client';
import { RpcError } from '../../../shared/rpc/errors';
import { eventually, F, FIXTURE_PASSWORD, record, useStage } from '../../../../tests/integration/syncHarness';

// The core's monitor relay against a real server on loopback: live deltas after a customer writes,
// interventions straight to the server, the role check, and one team's lead blind to another's.
const stage = useStage('seatdesk-monitor-relay-');

async function signedIn(username: string): Promise<Rpc> {
  const { rpc } = stage.core();
  await rpc.session.login({ serverUrl: stage.server.url, username, password: FIXTURE_PASSWORD });
  await eventually(async () => (await rpc.sync.status()).state === 'online', 20_000, 'online');
  return rpc;
}

async function failure(call: Promise<unknown>): Promise<RpcError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

describe('monitor relay', () => {
  it('relays the waiting chat a customer just wrote to the lead within a second, and the lead takes it over', async () => {
    const lead = await signedIn('leadx');
    expect((await lead.monitor.snapshot()).queues.find((q) => q.queueId === F.queueX)).toMatchObject({ waiting: 0 });
    const deltas = record(lead, 'monitor.changed');
    const written = Date.now();
    const conversationId = await stage.server.customerSays('c1', F.queueX, '你好，我的退款呢');
    const seen = await eventually(() => deltas.find((d) => d.queues.some((q) => q.queueId === F.queueX && q.waiting === 1)), 5_000, 'the waiting chat');
    // The server looks every 500 ms; the relay adds no wait of its own.
    expect(Date.now() - written).toBeLessThan(2_000);
    expect(seen.at).toBeGreaterThanOrEqual(written - 1_000);

    await eventually(async () => (await lead.monitor.conversations({ queueId: F.queueX })).some((c) => c.id === conversationId), 5_000, 'the chat in the cache');
    await lead.monitor.takeover({ conversationId });
    await eventually(async () => (await lead.conversations.get({ conversationId })).assigneeId === F.users.leadX, 5_000, 'the takeover');
    await eventually(() => deltas.some((d) => d.queues.some((q) => q.queueId === F.queueX && q.waiting === 0 && q.active === 1)), 5_000, 'queue X emptied');
  });

  it('names a bad threshold, keeps good ones, and passes the server’s refusal of an intervention on', async () => {
    const lead = await signedIn('leadx');
    const bad = await failure(lead.monitor['alerts.set']({ waitingOver: -1 }));
    expect(bad.code).toBe('invalid_args');
    expect(bad.message).toContain('waitingOver');
    expect(await lead.monitor['alerts.set']({ waitingOver: 1, agentIdleWhileWaiting: true })).toEqual({ waitingOver: 1, agentIdleWhileWaiting: true });
    expect(await lead.monitor['alerts.get']()).toEqual({ waitingOver: 1, agentIdleWhileWaiting: true });
    expect((await failure(lead.monitor.takeover({ conversationId: 'no-such-chat' }))).code).toBe('not_found');
  });

  it('refuses an agent every monitor method with forbidden', async () => {
    const agent = await signedIn('p1');
    expect((await failure(agent.monitor.snapshot())).code).toBe('forbidden');
    expect((await failure(agent.monitor.takeover({ conversationId: 'c' }))).code).toBe('forbidden');
    expect((await failure(agent.qc.review({ flagId: 'f', verdict: 'confirmed' }))).code).toBe('forbidden');
  });

  it('shows a lead of team Y nothing of team X, live or in the snapshot', async () => {
    const leadY = await signedIn('leady');
    const deltas = record(leadY, 'monitor.changed');
    expect((await leadY.monitor.snapshot()).queues.map((q) => q.queueId)).not.toContain(F.queueX);
    await stage.server.customerSays('c2', F.queueY, '在吗');
    await stage.server.customerSays('c1', F.queueX, '有人吗');
    await eventually(() => deltas.some((d) => d.queues.some((q) => q.queueId === F.queueY && q.waiting === 1)), 5_000, 'queue Y waiting');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(deltas.flatMap((d) => d.queues.map((q) => q.queueId))).not.toContain(F.queueX);
    expect(deltas.flatMap((d) => d.agents.map((a) => a.agentId))).not.toContain(F.users.p1);
  });

  it('says offline instead of queueing an intervention while the server is away', async () => {
    const lead = await signedIn('leadx');
    await stage.server.stop();
    await eventually(async () => (await lead.sync.status()).state !== 'online', 10_000, 'offline');
    expect((await failure(lead.monitor.whisper({ conversationId: 'c', text: '先安抚' }))).code).toBe('offline');
    expect((await lead.outbox.list())).toEqual([]);
  });
});
