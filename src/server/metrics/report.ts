import type { ReportQuery, ReportRow } from '../../shared/api/monitor';
import { reportRows } from '../../shared/metrics/report';
import type { Scope } from '../scope/scope';
import type { MetricsReads } from './store';

/**
 * A report over the conversations the caller may see that were created in [from, to) and reached
 * a person's queue (the scope predicates of sync, so a lead's report holds the very rows their
 * workstation caches and can recompute offline). Formulas: shared/metrics/report.ts.
 */
export function buildReport(reads: MetricsReads, scope: Scope, query: Pick<ReportQuery, 'groupBy' | 'from' | 'to'>): ReportRow[] {
  const entity = query.groupBy === 'agent' ? 'agents' : query.groupBy === 'team' ? 'teams' : 'shops';
  return reportRows({
    groupBy: query.groupBy,
    to: query.to,
    conversations: reads.reportConversations(scope, query.from, query.to),
    messages: reads.reportMessages(scope, query.from, query.to),
    names: (ids) => reads.visibleNames(entity, scope, ids),
  });
}
