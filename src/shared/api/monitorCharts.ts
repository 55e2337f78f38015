import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/ids';

/*
 * GET /api/monitor/charts: the series behind the monitor's charts, for the caller's queues today
 * (the reporting day of shared/metrics/kpis.ts). The live tables come from the snapshot and its
 * deltas; these change slowly (half-hour buckets) and are read again while the window is open.
 */

/** Width of one bucket of the day's series. */
export const CHART_BUCKET_MS = 30 * 60_000;

/** Upper bounds (ms) of the reply-interval histogram's bins; a last bin holds everything above. */
export const REPLY_INTERVAL_BOUNDS_MS = [30_000, 60_000, 120_000, 300_000] as const;

export const QueueSeriesSchema = z.object({
  queueId: IdSchema,
  name: z.string(),
  /** conversations waiting / active at the end of each bucket (now for the last one) */
  waiting: z.array(z.number().int()),
  active: z.array(z.number().int()),
  /** the 30-second pickup rate (0…1) of the entries queued in each bucket; null when none was decided */
  pickupRate: z.array(z.number().min(0).max(1).nullable()),
});
export type QueueSeries = z.infer<typeof QueueSeriesSchema>;

/** QC pass rate of one agent or shop today: handled conversations and those failed by a confirmed agent-side flag. */
export const QcPassSchema = z.object({
  id: IdSchema,
  name: z.string(),
  handled: z.number().int(),
  failed: z.number().int(),
  rate: z.number().min(0).max(1).nullable(),
});
export type QcPass = z.infer<typeof QcPassSchema>;

export const MonitorChartsSchema = z.object({
  at: TimestampSchema,
  /** start of the first bucket (the day's start); bucket i starts at dayStart + i × bucketMs */
  dayStart: TimestampSchema,
  bucketMs: z.number().int().positive(),
  queues: z.array(QueueSeriesSchema),
  /** today's agent reply intervals per bin of REPLY_INTERVAL_BOUNDS_MS, plus one for longer */
  replyIntervals: z.array(z.number().int()),
  /** conversations of the caller's queues resolved today, per resolution category, most first */
  resolutions: z.array(z.object({ category: z.string(), count: z.number().int() })),
  /** QC pass rates (shared/metrics/kpis.ts qcPassRate) per agent and per shop; platform conversations under shop "platform" */
  qcPass: z.object({ agents: z.array(QcPassSchema), shops: z.array(QcPassSchema) }),
});
export type MonitorCharts = z.infer<typeof MonitorChartsSchema>;
