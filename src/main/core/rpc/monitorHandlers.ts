import type { Workspace } from '../workspace/workspace';
import type { Handlers } from './handlers';

type MonitorMethod = Extract<keyof Handlers, `monitor.${string}` | 'qc.review'>;
export type MonitorHandlers = Pick<Handlers, MonitorMethod>;

/** The lead's monitor methods (the contract limits them to leads and admins), answered by the workspace's relay. */
export function monitorHandlers(ws: () => Workspace): MonitorHandlers {
  return {
    'monitor.snapshot': (_args, ctx) => ws().monitor.snapshot(ctx.signal),
    'monitor.charts': (_args, ctx) => ws().monitor.charts(ctx.signal),
    'monitor.alerts.get': (_args, ctx) => ws().monitor.alerts(ctx.signal),
    'monitor.alerts.set': (rules, ctx) => ws().monitor.setAlerts(rules, ctx.signal),
    'monitor.qc.list': ({ status, limit }, ctx) => ws().monitor.qc(status, limit, ctx.signal),
    'monitor.conversations': ({ queueId, agentId, limit }) => ws().monitor.conversations({ queueId, agentId }, limit),
    'monitor.whisper': (args) => ws().monitor.intervene('monitor.whisper', args),
    'monitor.takeover': (args) => ws().monitor.intervene('monitor.takeover', args),
    'monitor.reassign': (args) => ws().monitor.intervene('monitor.reassign', args),
    'monitor.setCapacity': (args) => ws().monitor.intervene('monitor.setCapacity', args),
    'monitor.setPresence': (args) => ws().monitor.intervene('monitor.setPresence', args),
    'monitor.moveQueued': (args) => ws().monitor.intervene('monitor.moveQueued', args),
    'qc.review': (args) => ws().monitor.intervene('qc.review', args),
  };
}
