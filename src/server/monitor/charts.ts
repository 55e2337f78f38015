import { CHART_BUCKET_MS, REPLY_INTERVAL_BOUNDS_MS, type MonitorCharts, type QcPass, type QueueSeries } from '../../shared/api/monitorCharts';
import { dayStart, pickupRate, qcPassRate } from '../../shared/metrics/kpis';
import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
import { agentReplies, groupBy } from '../metrics/group';
import type { MetricsReads } from '../metrics/store';
import { visibleFilter } from '../scope/predicates';
import type { Scope } from '../scope/scope';

/** A conversation of today as the timeline needs it: when it waited and when it was worked on. */
interface TimelineRow {
  queueId: string;
  queuedAt: number | null;
  assignedAt: number | null;
  /** resolved, or else closed: the end of its active time */
  endedAt: number | null;
}

/**
 * The monitor's chart series for a lead's (admin's: every) queues at `now`. Waiting and active are
 * counted at each bucket's end from the conversations' own timestamps, in the queue they are in
 * now (a chat moved at noon counts in its new queue all day: the columns keep no history of
 * moves, and the live tables are exact). Pickup rates and reply intervals use the same formulas
 * as the tables (shared/metrics/kpis.ts).
 */
export function createMonitorCharts(db: SqliteDatabase, metrics: MetricsReads): (scope: Scope, now: number) => MonitorCharts {
  const cache = new Map<string, NamedStatement>();
  const run = <R>(sql: string, scope: Scope, params: Record<string, SqlValue>): R[] => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare<[Record<string, SqlValue>], unknown>(sql)));
    return stmt.all({ ...visibleFilter('queues', scope).params, ...params }) as R[];
  };
  const myQueues = (scope: Scope) => `SELECT t.id FROM queues t WHERE t.deleted = 0 AND (${visibleFilter('queues', scope).sql})`;

  return (scope, now) => {
    const start = dayStart(now);
    const buckets = Math.max(1, Math.ceil((now - start) / CHART_BUCKET_MS));
    // Today's conversations, and older ones still waiting or worked on: each may count in a bucket of today.
    const rows = run<TimelineRow>(
      `SELECT queue_id AS queueId, queued_at AS queuedAt, assigned_at AS assignedAt, COALESCE(resolved_at, closed_at) AS endedAt
       FROM conversations WHERE queue_id IN (${myQueues(scope)}) AND deleted = 0 AND queued_at IS NOT NULL
         AND (queued_at >= @since OR COALESCE(resolved_at, closed_at) >= @since OR status IN ('queued', 'assigned', 'waiting_customer'))`,
      scope,
      { since: start },
    );
    const byQueue = groupBy(rows, (r) => r.queueId);
    const queues: QueueSeries[] = metrics.queues(scope).map((q) => series(q.id, q.name, byQueue.get(q.id) ?? [], start, buckets, now));

    const replyIntervals = new Array<number>(REPLY_INTERVAL_BOUNDS_MS.length + 1).fill(0);
    for (const reply of agentReplies(metrics.agentMessagesSince(scope, start))) {
      const bin = REPLY_INTERVAL_BOUNDS_MS.findIndex((bound) => reply.ms <= bound);
      replyIntervals[bin === -1 ? REPLY_INTERVAL_BOUNDS_MS.length : bin]! += 1;
    }

    const resolutions = run<{ category: string; count: number }>(
      `SELECT COALESCE(category, '') AS category, COUNT(*) AS count FROM conversations
       WHERE queue_id IN (${myQueues(scope)}) AND resolved_at >= @since AND deleted = 0
       GROUP BY COALESCE(category, '') ORDER BY count DESC, category`,
      scope,
      { since: start },
    );
    // Handled today: answered today by their assignee; failed: a lead confirmed an agent-side flag on it.
    const handled = run<{ agentId: string; shopId: string | null; failed: number }>(
      `SELECT c.assignee_id AS agentId, c.shop_id AS shopId,
         EXISTS (SELECT 1 FROM qc_flags f WHERE f.conversation_id = c.id AND f.side = 'agent' AND f.status = 'confirmed' AND f.deleted = 0) AS failed
       FROM conversations c WHERE c.queue_id IN (${myQueues(scope)}) AND c.assignee_id IS NOT NULL AND c.first_response_at >= @since AND c.deleted = 0`,
      scope,
      { since: start },
    );
    const agentNames = new Map(metrics.agents(scope).map((a) => [a.id, a.name]));
    const shopIds = [...new Set(handled.flatMap((h) => (h.shopId ? [h.shopId] : [])))];
    const shopNames = metrics.visibleNames('shops', scope, shopIds);
    const qcPass = {
      agents: passRates(groupBy(handled.filter((h) => agentNames.has(h.agentId)), (h) => h.agentId), (id) => agentNames.get(id) ?? id),
      shops: passRates(groupBy(handled, (h) => h.shopId ?? PLATFORM), (id) => shopNames.get(id) ?? id),
    };
    return { at: now, dayStart: start, bucketMs: CHART_BUCKET_MS, queues, replyIntervals, resolutions, qcPass };
  };
}

/** The key of platform (non-shop) conversations in the per-shop pass rates. */
export const PLATFORM = 'platform';

function passRates(groups: Map<string, { failed: number }[]>, name: (id: string) => string): QcPass[] {
  return [...groups].map(([id, list]) => {
    const failed = list.filter((h) => h.failed === 1).length;
    return { id, name: name(id), handled: list.length, failed, rate: qcPassRate(list.length, failed) };
  });
}

function series(queueId: string, name: string, rows: readonly TimelineRow[], start: number, buckets: number, now: number): QueueSeries {
  const out: QueueSeries = { queueId, name, waiting: [], active: [], pickupRate: [] };
  const entries = rows.filter((r): r is TimelineRow & { queuedAt: number } => r.queuedAt !== null);
  for (let i = 0; i < buckets; i += 1) {
    const from = start + i * CHART_BUCKET_MS;
    const at = Math.min(now, from + CHART_BUCKET_MS);
    const over = (t: number | null) => t === null || t > at;
    out.waiting.push(entries.filter((r) => r.queuedAt <= at && over(r.assignedAt) && over(r.endedAt)).length);
    out.active.push(entries.filter((r) => r.assignedAt !== null && r.assignedAt <= at && over(r.endedAt)).length);
    out.pickupRate.push(pickupRate(entries.filter((r) => r.queuedAt >= from && r.queuedAt < at), now).rate);
  }
  return out;
}
