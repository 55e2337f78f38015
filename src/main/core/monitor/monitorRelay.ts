import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { MUTATION_ARGS, MutationName } from '../../../shared/api/mutations';
import {
  AlertRulesSchema,
  MonitorAlertSchema,
  MonitorDeltaSchema,
  MonitorSnapshotSchema,
  QcListResponseSchema,
  type AlertRules,
  type MonitorSnapshot,
  type QcReviewItem,
} from '../../../shared/api/monitor';
import { MonitorChartsSchema, type MonitorCharts } from '../../../shared/api/monitorCharts';
import { WsEventFrameSchema } from '../../../shared/api/sync';
import type { ConversationSummary } from '../../../shared/domain/workstation';
import { RpcError } from '../../../shared/rpc/errors';
import { newClientId } from '../ids';
import type { ConversationReads } from '../reads/conversationReads';
import type { EventHub } from '../rpc/eventHub';
import { requestJson } from '../session/serverApi';
import type { SyncApi } from '../sync/syncApi';

/** The monitor's interventions (and a lead's QC verdict): sent straight to the server, never queued. */
export type Intervention = Extract<MutationName, `monitor.${string}` | 'qc.review'>;

export interface MonitorRelayDeps {
  db: Database.Database;
  serverUrl: string;
  token: string;
  hub: EventHub;
  api: SyncApi;
  clientId: string;
  conversations: ConversationReads;
  isOnline: () => boolean;
}

/**
 * The lead's monitor in the core. Figures are live state of the whole centre, so nothing of them
 * is cached: reads go to the server, and its `monitor.changed` / `monitor.alert` socket events are
 * relayed to the windows as they arrive (the server already coalesces them into one per look, so
 * relaying each at once keeps the window no further behind than the server).
 *
 * Interventions are not outbox writes: a takeover or a move queued offline would land later on a
 * centre that has moved on (the chat answered, the queue drained), and the lead needs the server's
 * answer (an agent at capacity) while deciding. So they go straight to the server, with a clear
 * `offline` error when it cannot be reached. Their rows come back over the socket like any other.
 */
export class MonitorRelay {
  private readonly live;

  constructor(private readonly deps: MonitorRelayDeps) {
    this.live = deps.db.prepare<[{ queue: string | null; agent: string | null; limit: number }], { id: string }>(
      `SELECT id FROM conversations WHERE deleted = 0 AND status IN ('queued', 'assigned', 'waiting_customer')
         AND (@queue IS NULL OR queue_id = @queue) AND (@agent IS NULL OR assignee_id = @agent) ORDER BY created_at LIMIT @limit`,
    );
  }

  /** A server frame: monitor events go on to the windows once well-formed; anything else is ignored. */
  frame(frame: unknown): void {
    const event = WsEventFrameSchema.safeParse(frame);
    if (!event.success) return;
    if (event.data.name === 'monitor.changed') {
      const delta = MonitorDeltaSchema.safeParse(event.data.payload);
      if (delta.success) this.deps.hub.emit('monitor.changed', delta.data);
    } else if (event.data.name === 'monitor.alert') {
      const alert = MonitorAlertSchema.safeParse(event.data.payload);
      if (alert.success) this.deps.hub.emit('monitor.alert', alert.data);
    }
  }

  snapshot(signal?: AbortSignal): Promise<MonitorSnapshot> {
    return this.get('/api/monitor/snapshot', MonitorSnapshotSchema, signal);
  }

  charts(signal?: AbortSignal): Promise<MonitorCharts> {
    return this.get('/api/monitor/charts', MonitorChartsSchema, signal);
  }

  alerts(signal?: AbortSignal): Promise<AlertRules> {
    return this.get('/api/monitor/alerts', AlertRulesSchema, signal);
  }

  setAlerts(rules: AlertRules, signal?: AbortSignal): Promise<AlertRules> {
    return requestJson(this.deps.serverUrl, '/api/monitor/alerts', AlertRulesSchema, { method: 'POST', token: this.deps.token, body: rules, signal });
  }

  async qc(status: string, limit: number, signal?: AbortSignal): Promise<QcReviewItem[]> {
    const query = new URLSearchParams({ status, limit: String(limit) });
    return (await this.get(`/api/monitor/qc?${query}`, QcListResponseSchema, signal)).items;
  }

  /** Live conversations of the lead's cache (of one queue or agent when given), oldest first: those the lead may open. */
  conversations(of: { queueId?: string; agentId?: string }, limit: number): ConversationSummary[] {
    return this.live.all({ queue: of.queueId ?? null, agent: of.agentId ?? null, limit }).map((row) => this.deps.conversations.get(row.id));
  }

  /** One intervention, applied by the server now or refused with its reason. */
  async intervene<N extends Intervention>(name: N, args: z.input<(typeof MUTATION_ARGS)[N]>): Promise<null> {
    if (!this.deps.isOnline()) throw new RpcError('offline', 'interventions act on the live centre: they need the server (reconnect first)');
    const [result] = await this.deps.api.mutate(this.deps.clientId, [{ id: newClientId(), name, args }]);
    if (!result) throw new RpcError('internal', 'the server did not answer the intervention');
    if (result.status === 'rejected') throw new RpcError(result.code, result.message);
    return null;
  }

  private get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    return requestJson(this.deps.serverUrl, path, schema, { token: this.deps.token, signal });
  }
}
