import type { AgentFigures, QueueFigures } from '../../shared/api/monitor';
import {
  dayStart,
  MERCHANT_PICKUP_TARGET_MS,
  mean,
  pickupRate,
  ratio,
  RECENT_WINDOW_MS,
  type RateCount,
} from '../../shared/metrics/kpis';
import { agentReplies, groupBy } from '../metrics/group';
import type { MetricsReads } from '../metrics/store';
import type { Presence } from '../routing/types';
import type { Scope } from '../scope/scope';

/** What the monitor knows of an agent that only lives in memory (routing). */
export interface LivePresence {
  presence(agentId: string): Presence;
  since(agentId: string): number;
  /** the router's cap when it knows the agent (a queue may lower it), else the stored one */
  capacity(agentId: string): number | undefined;
}

/** The queue rows of a lead's (admin's: every) monitor at `now`; formulas in shared/metrics/kpis.ts. */
export function queueFigures(reads: MetricsReads, scope: Scope, now: number): QueueFigures[] {
  const today = dayStart(now);
  const live = new Map(reads.queueLive(scope).map((q) => [q.queueId, q]));
  const entries = groupBy(reads.queueEntries(scope, today), (e) => e.queueId);
  const merchant = new Map(reads.merchantSla(scope, today, now - MERCHANT_PICKUP_TARGET_MS).map((m) => [m.queueId, m]));
  const escalated = reads.escalatedSince(scope, today);
  return reads.queues(scope).map((q) => {
    const mine = entries.get(q.id) ?? [];
    const sla = merchant.get(q.id);
    return {
      queueId: q.id,
      name: q.name,
      kind: q.kind,
      shopId: q.shopId,
      waiting: live.get(q.id)?.waiting ?? 0,
      oldestQueuedAt: live.get(q.id)?.oldestQueuedAt ?? null,
      active: live.get(q.id)?.active ?? 0,
      pickup30: {
        last15m: pickupRate(
          mine.filter((e) => e.queuedAt >= now - RECENT_WINDOW_MS),
          now,
        ),
        today: pickupRate(mine, now),
      },
      merchant:
        q.kind === 'merchant'
          ? { pickup2m: compliance(sla?.decidedVisits ?? 0, sla?.noPickup ?? 0), reply5m: compliance(sla?.visits ?? 0, sla?.noReply ?? 0) }
          : null,
      escalatedToday: escalated.get(q.id) ?? 0,
    };
  });
}

/** Visits that kept the target: all of them but those with a breach. */
function compliance(decided: number, breached: number): RateCount {
  const met = Math.max(0, decided - breached);
  return { met, decided, rate: ratio(met, decided) };
}

/** The agent rows of a lead's monitor at `now` (of `only` of them when given: those a change touched). */
export function agentFigures(reads: MetricsReads, scope: Scope, now: number, live: LivePresence, only?: readonly string[]): AgentFigures[] {
  const today = dayStart(now);
  const days = new Map(reads.agentDays(scope, today, only).map((d) => [d.agentId, d]));
  const intervals = groupBy(agentReplies(reads.agentMessagesSince(scope, today, only)), (r) => r.agentId ?? '');
  return reads.agents(scope, only).map((a) => {
    const day = days.get(a.id);
    return {
      agentId: a.id,
      name: a.name,
      presence: live.presence(a.id),
      presenceSince: live.since(a.id),
      active: day?.active ?? 0,
      capacity: live.capacity(a.id) ?? a.maxConcurrent,
      avgReplyIntervalMs: mean((intervals.get(a.id) ?? []).map((r) => r.ms)),
      avgFirstResponseMs: day?.avgFirstResponseMs ?? null,
      resolvedToday: day?.resolved ?? 0,
      openQcFlags: day?.openQcFlags ?? 0,
    };
  });
}
