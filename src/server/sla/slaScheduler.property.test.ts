// Random conversations over random time: every breach fires once and only once, never early, never
// missed, whatever the restarts in between.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeScheduler } from '../routing/testing/fakeScheduler';
import type { QueueKind } from '../routing/types';
import { duesOf } from './dues';
import { DEFAULT_SLA_POLICY, type AutoEscalatePolicy } from './policy';
import { SlaScheduler, type SlaSchedulerDeps } from './slaScheduler';
import { recordAgentReply, recordAssignment, recordCustomerMessage, recordQueued, type SlaConversation } from './status';

const KINDS: Record<string, QueueKind> = { shop: 'merchant', platform: 'platform' };
const IDS = ['c0', 'c1', 'c2'];

type Step =
  | { kind: 'customer' | 'reply' | 'assign' | 'close'; conversation: number }
  | { kind: 'requeue'; conversation: number; queue: 'shop' | 'platform' }
  | { kind: 'advance'; ms: number }
  | { kind: 'restart'; downtimeMs: number };

const conversation = fc.nat({ max: IDS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('customer' as const, 'reply' as const, 'assign' as const, 'close' as const), conversation }),
  fc.record({ kind: fc.constant('requeue' as const), conversation, queue: fc.constantFrom('shop' as const, 'platform' as const) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.nat({ max: 400_000 }), fc.constantFrom(1, 29_999, 30_000, 120_000, 300_000)) }),
  fc.record({ kind: fc.constant('restart' as const), downtimeMs: fc.nat({ max: 600_000 }) }),
);

function run(steps: Step[], autoEscalate: AutoEscalatePolicy): string[] {
  const failures: string[] = [];
  const clock = new FakeScheduler();
  const persisted = new Set<string>();
  let restoring = false;
  const open = new Map<string, SlaConversation>(IDS.map((id, i) => [id, { id, queueId: i === 2 ? 'platform' : 'shop', queuedAt: clock.now() }]));
  const record = (key: string, dueAt: number) => {
    if (persisted.has(key)) failures.push(`${key} fired twice`);
    if (dueAt > clock.now()) failures.push(`${key} fired early`);
    // outside a restore every due fires on its timer, at its very moment
    if (!restoring && dueAt !== clock.now()) failures.push(`${key} due at ${dueAt} fired late at ${clock.now()}`);
    persisted.add(key);
  };
  const deps: SlaSchedulerDeps = {
    now: clock.now,
    scheduler: clock,
    queueKind: (queueId) => KINDS[queueId],
    autoEscalate,
    onDue: (_id, _kind, detail) => record(detail.key, detail.dueAt),
    onAutoEscalate: (_id, _reason, detail) => record(detail.key, detail.dueAt),
  };
  let sla = new SlaScheduler(deps);
  for (const conv of open.values()) sla.upsert(conv);

  const update = (id: string, change: (c: SlaConversation) => SlaConversation) => {
    const current = open.get(id);
    if (!current) return;
    const next = change(current);
    open.set(id, next);
    sla.upsert(next);
  };

  for (const s of steps) {
    switch (s.kind) {
      case 'customer':
        update(IDS[s.conversation]!, (c) => recordCustomerMessage(c, clock.now()));
        break;
      case 'reply':
        update(IDS[s.conversation]!, (c) => recordAgentReply(c, clock.now()));
        break;
      case 'assign':
        update(IDS[s.conversation]!, (c) => recordAssignment(c, clock.now()));
        break;
      case 'requeue':
        update(IDS[s.conversation]!, (c) => recordQueued(c, s.queue, clock.now()));
        break;
      case 'close':
        open.delete(IDS[s.conversation]!);
        sla.remove(IDS[s.conversation]!);
        break;
      case 'advance':
        clock.advance(s.ms);
        break;
      case 'restart':
        sla.dispose();
        clock.advance(0);
        // the process is down: time passes with no timers
        clock.time += s.downtimeMs;
        restoring = true;
        sla = SlaScheduler.restore([...open.values()], persisted, deps);
        restoring = false;
        break;
    }
    // Nothing due is left unfired.
    for (const conv of open.values()) {
      for (const due of duesOf(conv, KINDS[conv.queueId]!, DEFAULT_SLA_POLICY, autoEscalate)) {
        if (due.dueAt <= clock.now() && !persisted.has(due.key)) failures.push(`${due.key} due at ${due.dueAt} not fired by ${clock.now()}`);
      }
    }
    if (failures.length > 0) break;
  }
  sla.dispose();
  return failures;
}

describe('SlaScheduler under random conversations', () => {
  it('fires every breach exactly once, never early and never late, across restarts', () => {
    const policy = fc.record({ afterNoPickupMs: fc.option(fc.nat({ max: 400_000 }), { nil: undefined }), afterNoReplyMs: fc.option(fc.nat({ max: 600_000 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), policy, (steps, rawPolicy) => {
        const autoEscalate: AutoEscalatePolicy = {};
        if (rawPolicy.afterNoPickupMs !== undefined) autoEscalate.afterNoPickupMs = rawPolicy.afterNoPickupMs;
        if (rawPolicy.afterNoReplyMs !== undefined) autoEscalate.afterNoReplyMs = rawPolicy.afterNoReplyMs;
        expect(run(steps, autoEscalate)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
