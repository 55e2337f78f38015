import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { QueueKindSchema } from '../domain/org';
import { QcFlagSchema, QcFlagStatusSchema } from '../domain/qc';

/*
 * The team-lead monitor (issue 7): GET /api/monitor/snapshot, the live `monitor.changed` and
 * `monitor.alert` events, alert thresholds, the QC review list and reports. Lead and admin only.
 * How each figure is computed: shared/metrics/kpis.ts and docs/monitor-metrics.md.
 */

const Rate = z.number().min(0).max(1).nullable();
const Ms = z.number().nonnegative().nullable();

/** A pickup rate over a window: met / decided (decided = met + missed; waiting inside the target is neither). */
export const RateCountSchema = z.object({ met: z.number().int(), decided: z.number().int(), rate: Rate });

export const QueueFiguresSchema = z.object({
  queueId: IdSchema,
  name: z.string(),
  kind: QueueKindSchema,
  shopId: IdSchema.nullable(),
  /** conversations queued now */
  waiting: z.number().int(),
  /** queued_at of the longest waiter; longest wait = at − this */
  oldestQueuedAt: TimestampSchema.nullable(),
  /** assigned or waiting for the customer */
  active: z.number().int(),
  pickup30: z.object({ last15m: RateCountSchema, today: RateCountSchema }),
  /** merchant queues only (null elsewhere): pickup within 2 minutes and every reply within 5, today */
  merchant: z.object({ pickup2m: RateCountSchema, reply5m: RateCountSchema }).nullable(),
  /** conversations of this queue escalated to the platform today */
  escalatedToday: z.number().int(),
});
export type QueueFigures = z.infer<typeof QueueFiguresSchema>;

export const PresenceSchema = z.enum(['online', 'busy', 'away', 'offline']);

export const AgentFiguresSchema = z.object({
  agentId: IdSchema,
  name: z.string(),
  presence: PresenceSchema,
  /** since when the agent is in this presence (as first seen by this server run) */
  presenceSince: TimestampSchema,
  active: z.number().int(),
  capacity: z.number().int(),
  /** today, over the agent's replies (kpis.replyIntervals) */
  avgReplyIntervalMs: Ms,
  /** today: first_response_at − queued_at of the conversations they first answered */
  avgFirstResponseMs: Ms,
  resolvedToday: z.number().int(),
  openQcFlags: z.number().int(),
});
export type AgentFigures = z.infer<typeof AgentFiguresSchema>;

/** `monitor.changed`: the rows that changed since the last event to this user, and those gone. */
export const MonitorDeltaSchema = z.object({
  at: TimestampSchema,
  queues: z.array(QueueFiguresSchema),
  agents: z.array(AgentFiguresSchema),
  removedQueueIds: z.array(IdSchema),
  removedAgentIds: z.array(IdSchema),
});
export type MonitorDelta = z.infer<typeof MonitorDeltaSchema>;

/** A lead's thresholds; an absent one is off. Applied to every queue and agent of their teams. */
export const AlertRulesSchema = z
  .object({
    /** more than this many conversations waiting in a queue */
    waitingOver: z.number().int().nonnegative().optional(),
    /** the longest waiter has waited more than this many seconds */
    longestWaitOverSec: z.number().int().positive().max(86_400).optional(),
    /** the 30-second pickup rate of the last 15 minutes is below this percentage */
    pickupRateUnderPct: z.number().min(0).max(100).optional(),
    /** a merchant queue's 5-minute reply compliance today is below this percentage */
    replyComplianceUnderPct: z.number().min(0).max(100).optional(),
    /** an online agent with free capacity while a queue of theirs has chats waiting */
    agentIdleWhileWaiting: z.boolean().optional(),
  })
  .strict();
export type AlertRules = z.infer<typeof AlertRulesSchema>;

export const AlertKindSchema = z.enum(['waiting_over', 'longest_wait_over', 'pickup_rate_under', 'reply_compliance_under', 'agent_idle']);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** `monitor.alert`: raised once when a threshold is crossed, cleared once back under it. */
export const MonitorAlertSchema = z.object({
  kind: AlertKindSchema,
  state: z.enum(['raised', 'cleared']),
  queueId: IdSchema.nullable(),
  agentId: IdSchema.nullable(),
  /** the figure that crossed (count, seconds, or percentage) and the threshold */
  value: z.number(),
  threshold: z.number(),
  at: TimestampSchema,
});
export type MonitorAlert = z.infer<typeof MonitorAlertSchema>;

export const MonitorSnapshotSchema = z.object({
  at: TimestampSchema,
  queues: z.array(QueueFiguresSchema),
  agents: z.array(AgentFiguresSchema),
  /** alerts raised now */
  alerts: z.array(MonitorAlertSchema),
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshotSchema>;

export const QcListQuerySchema = z.object({ status: QcFlagStatusSchema.default('open'), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

/** A flagged message with its neighbours (personal data masked) so the lead can judge it. */
export const QcReviewItemSchema = z.object({
  flag: QcFlagSchema,
  context: z.array(
    z.object({
      id: IdSchema,
      senderKind: z.string(),
      senderId: IdSchema.nullable(),
      kind: z.string(),
      body: z.string(),
      createdAt: TimestampSchema,
      flagged: z.boolean(),
    }),
  ),
});
export type QcReviewItem = z.infer<typeof QcReviewItemSchema>;
export const QcListResponseSchema = z.object({ items: z.array(QcReviewItemSchema) });

export const ReportQuerySchema = z
  .object({
    groupBy: z.enum(['agent', 'team', 'shop']),
    from: z.coerce.number().int().nonnegative(),
    to: z.coerce.number().int().positive(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    /** the XLSX headers' language (CSV keeps the column keys) */
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .strict()
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] })
  .refine((q) => q.to - q.from <= 366 * 24 * 3600_000, { message: 'at most 366 days', path: ['to'] });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportRowSchema = z.object({
  key: IdSchema,
  name: z.string(),
  conversations: z.number().int(),
  pickup30Rate: Rate,
  avgReplyIntervalMs: Ms,
  avgFirstResponseMs: Ms,
  avgResolutionMs: Ms,
  qcPassRate: Rate,
  escalationRate: Rate,
  csatAvg: z.number().nullable(),
  csatCount: z.number().int(),
  /** conversations where the customer took the case to a complaint or the law (kpis.APPEAL_RULE_IDS) */
  appealRate: Rate,
});
export type ReportRow = z.infer<typeof ReportRowSchema>;
export const ReportResponseSchema = z.object({ groupBy: z.enum(['agent', 'team', 'shop']), from: TimestampSchema, to: TimestampSchema, rows: z.array(ReportRowSchema) });
export type ReportResponse = z.infer<typeof ReportResponseSchema>;
