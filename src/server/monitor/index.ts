import type { SqliteDatabase } from '../db/sqlite';
import { createMetricsStore, type MetricsReads } from '../metrics/store';
import type { MutationRegistry } from '../mutations/registry';
import { createAlertRulesStore, type AlertRulesStore } from './alertRules';
import { createMonitorCharts } from './charts';
import { MonitorFeed, type MonitorFeedDeps } from './feed';
import { Interventions, type InterventionDeps } from './interventions';
import { registerMonitorMutations } from './mutations';
import { createQcList } from './qcList';
import { createSeatCapacityStore } from './store';

/** The team-lead monitor's server side, built once by the domain. */
export interface Monitor {
  feed: MonitorFeed;
  metrics: MetricsReads;
  rules: AlertRulesStore;
  qcList: ReturnType<typeof createQcList>;
  charts: ReturnType<typeof createMonitorCharts>;
}

export function createMonitor(
  db: SqliteDatabase,
  registry: MutationRegistry,
  deps: Omit<MonitorFeedDeps, 'metrics' | 'rules'> & Omit<InterventionDeps, 'seats'>,
): Monitor {
  const metrics = createMetricsStore(db);
  const rules = createAlertRulesStore(db);
  registerMonitorMutations(registry, new Interventions({ ...deps, seats: createSeatCapacityStore(db) }));
  return { feed: new MonitorFeed({ ...deps, metrics, rules }), metrics, rules, qcList: createQcList(db), charts: createMonitorCharts(db, metrics) };
}
