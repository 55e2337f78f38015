import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AlertRulesSchema, QcListQuerySchema, ReportQuerySchema, type ReportResponse } from '../../shared/api/monitor';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { parseInput } from '../http/validate';
import { buildReport } from '../metrics/report';
import { reportFile } from '../../shared/metrics/reportFile';
import type { ScopeResolver } from '../scope/resolver';
import { supervises, type Scope } from '../scope/scope';
import type { Monitor } from './index';

/**
 * The monitor's reads, for leads (their teams) and admins (everything); agents get 403.
 * GET  /api/monitor/snapshot      figures now; live changes follow as `monitor.changed` events
 * GET  /api/monitor/charts        today's series for the charts (half-hour buckets)
 * GET  /api/monitor/alerts        the caller's thresholds;  POST replaces them
 * GET  /api/monitor/qc?status=    QC flags with the flagged message in context
 * GET  /api/reports?groupBy=&from=&to=&format=json|csv|xlsx&lang=
 */
export function registerMonitorRoutes(app: FastifyInstance, deps: { accounts: AccountsService; scopes: ScopeResolver; monitor: Monitor; now: () => number }): void {
  const { monitor } = deps;
  const supervisorScope = (request: FastifyRequest, reply: FastifyReply): Scope | null => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return null;
    const scope = deps.scopes.scopeFor(session.user.id);
    if (!scope || !supervises(scope)) {
      sendError(reply, 403, 'forbidden', 'the monitor is for team leads and admins');
      return null;
    }
    return scope;
  };

  app.get('/api/monitor/snapshot', async (request, reply) => {
    const scope = supervisorScope(request, reply);
    return scope ? monitor.feed.snapshot(scope) : reply;
  });

  app.get('/api/monitor/charts', async (request, reply) => {
    const scope = supervisorScope(request, reply);
    return scope ? monitor.charts(scope, deps.now()) : reply;
  });

  app.get('/api/monitor/alerts', async (request, reply) => {
    const scope = supervisorScope(request, reply);
    return scope ? monitor.rules.rulesOf(scope.userId) : reply;
  });

  app.post('/api/monitor/alerts', async (request, reply) => {
    const scope = supervisorScope(request, reply);
    if (!scope) return reply;
    const rules = parseInput(AlertRulesSchema, request.body, reply, 'body');
    if (!rules) return reply;
    // The feed evaluates every watcher's thresholds at each look: nothing else to tell it.
    monitor.rules.setRules(scope.userId, rules, deps.now());
    return rules;
  });

  app.get('/api/monitor/qc', async (request, reply) => {
    const scope = supervisorScope(request, reply);
    if (!scope) return reply;
    const query = parseInput(QcListQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    return { items: monitor.qcList(scope, query.status, query.limit) };
  });

  app.get('/api/reports', async (request, reply) => {
    const scope = supervisorScope(request, reply);
    if (!scope) return reply;
    const query = parseInput(ReportQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    const response: ReportResponse = { groupBy: query.groupBy, from: query.from, to: query.to, rows: buildReport(monitor.metrics, scope, query) };
    if (query.format === 'json') return response;
    const file = reportFile(response, query.format, query.lang);
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
  });
}
