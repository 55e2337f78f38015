import type { ReportQuery, ReportRow } from '../../shared/api/monitor';
import { mean, pickupRate, qcPassRate, ratio } from '../../shared/metrics/kpis';
import { agentReplies, groupBy } from './group';
import type { Scope } from '../scope/scope';
import type { MetricsReads, ReportConversation } from './store';

/**
 * A report over the conversations the caller may see that were created in [from, to) and reached
 * a person's queue, grouped by the agent holding them, the teams serving their queue (a queue
 * served by two teams counts for both) or the shop (platform conversations have none and are left
 * out). Formulas: shared/metrics/kpis.ts; docs/monitor-metrics.md.
 */
export function buildReport(reads: MetricsReads, scope: Scope, query: Pick<ReportQuery, 'groupBy' | 'from' | 'to'>): ReportRow[] {
  const conversations = reads.reportConversations(scope, query.from, query.to);
  const keysOf = (c: ReportConversation): string[] =>
    query.groupBy === 'agent' ? (c.assigneeId ? [c.assigneeId] : []) : query.groupBy === 'team' ? c.teamIds : c.shopId ? [c.shopId] : [];
  const groups = new Map<string, ReportConversation[]>();
  for (const c of conversations) for (const key of keysOf(c)) groups.set(key, [...(groups.get(key) ?? []), c]);

  // Reply intervals go to the agent who replied, or to the team / shop of the conversation.
  const byConversation = new Map(conversations.map((c) => [c.id, c]));
  const intervals = groupBy(
    agentReplies(reads.reportMessages(scope, query.from, query.to)).flatMap((r) => {
      if (query.groupBy === 'agent') return r.agentId ? [{ key: r.agentId, ms: r.ms }] : [];
      const owner = byConversation.get(r.conversationId);
      return owner ? keysOf(owner).map((key) => ({ key, ms: r.ms })) : [];
    }),
    (i) => i.key,
  );
  // A conversation of the lead's queue may have gone on to another team's agent: rows only for
  // the agents, teams and shops the caller may see, so a report names nobody outside their scope.
  const names = reads.visibleNames(query.groupBy === 'agent' ? 'agents' : query.groupBy === 'team' ? 'teams' : 'shops', scope, [...groups.keys()]);

  return [...groups.entries()]
    .filter(([key]) => names.has(key))
    .map(([key, list]): ReportRow => {
      const merchant = list.filter((c) => c.shopId !== null);
      const rated = list.flatMap((c) => (c.csat === null ? [] : [c.csat]));
      const handled = list.filter((c) => c.firstResponseAt !== null);
      return {
        key,
        name: names.get(key)!,
        conversations: list.length,
        pickup30Rate: pickupRate(
          list.flatMap((c) => (c.queuedAt === null ? [] : [{ queuedAt: c.queuedAt, assignedAt: c.assignedAt }])),
          query.to,
        ).rate,
        avgReplyIntervalMs: mean((intervals.get(key) ?? []).map((i) => i.ms)),
        avgFirstResponseMs: mean(handled.flatMap((c) => (c.queuedAt === null || c.firstResponseAt! < c.queuedAt ? [] : [c.firstResponseAt! - c.queuedAt]))),
        avgResolutionMs: mean(list.flatMap((c) => (c.queuedAt === null || c.resolvedAt === null || c.resolvedAt < c.queuedAt ? [] : [c.resolvedAt - c.queuedAt]))),
        qcPassRate: qcPassRate(handled.length, handled.filter((c) => c.qcFailed).length),
        escalationRate: ratio(merchant.filter((c) => c.escalated).length, merchant.length),
        csatAvg: mean(rated),
        csatCount: rated.length,
        appealRate: null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
