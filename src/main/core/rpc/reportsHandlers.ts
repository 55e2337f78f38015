import type { Workspace } from '../workspace/workspace';
import type { Handlers } from './handlers';

type ReportsMethods = 'reports.build' | 'reports.export';

/** Reports for the monitor window: from the server when online, from the cache when not (ReportsService). */
export function reportsHandlers(ws: () => Workspace): Pick<Handlers, ReportsMethods> {
  return {
    'reports.build': (args, ctx) => ws().reports.build(args, ctx.signal),
    'reports.export': (args, ctx) => ws().reports.export(args, ctx.signal),
  };
}
