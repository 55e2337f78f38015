import { AlertRulesSchema, MonitorSnapshotSchema, QcListQuerySchema, QcListResponseSchema, ReportQuerySchema, ReportResponseSchema } from '../../shared/api/monitor';
import { MonitorChartsSchema } from '../../shared/api/monitorCharts';
import type { ApiOperation } from '../openapi/operations';

/** The monitor's routes (routes.ts) for the OpenAPI document: spread into API_OPERATIONS. */
export const MONITOR_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/api/monitor/snapshot', summary: "Live figures of the caller's queues and agents (leads, admins)", caller: 'user', responses: { 200: MonitorSnapshotSchema } },
  { method: 'get', path: '/api/monitor/charts', summary: "Today's series of the caller's queues for the monitor's charts", caller: 'user', responses: { 200: MonitorChartsSchema } },
  { method: 'get', path: '/api/monitor/alerts', summary: "The caller's alert thresholds", caller: 'user', responses: { 200: AlertRulesSchema } },
  { method: 'post', path: '/api/monitor/alerts', summary: "Replace the caller's alert thresholds", caller: 'user', body: AlertRulesSchema, responses: { 200: AlertRulesSchema } },
  { method: 'get', path: '/api/monitor/qc', summary: "QC flags of the caller's teams with the message in context", caller: 'user', query: QcListQuerySchema, responses: { 200: QcListResponseSchema } },
  {
    method: 'get', path: '/api/reports', summary: 'KPIs per agent, team or shop over a date range, as JSON, CSV or XLSX (format=)', caller: 'user',
    query: ReportQuerySchema,
    responses: { 200: ReportResponseSchema },
  },
];
