import { z } from 'zod';
import type { ReportResponse } from '../api/monitor';

/*
 * The workstation's report methods (reports.build, reports.export): the server's report when it
 * can be reached, else the same figures computed from the local cache (shared/metrics/report.ts).
 */

const DAY_MS = 24 * 3600_000;

const ReportRange = z
  .object({
    groupBy: z.enum(['agent', 'team', 'shop']),
    from: z.number().int().nonnegative(),
    to: z.number().int().positive(),
    /** auto: the server when online, the cache when not; cache: the cache even online */
    source: z.enum(['auto', 'cache']).default('auto'),
  })
  .strict();

/** A range the server would take too: `to` after `from`, at most 366 days. */
const checked = <T extends z.ZodType<{ from: number; to: number }>>(schema: T) =>
  schema
    .refine((a) => a.to > a.from, { message: 'must be after from', path: ['to'] })
    .refine((a) => a.to - a.from <= 366 * DAY_MS, { message: 'at most 366 days', path: ['to'] });

export const ReportsBuildArgsSchema = checked(ReportRange);
export type ReportsBuildArgs = z.input<typeof ReportsBuildArgsSchema>;

export const ReportsExportArgsSchema = checked(
  ReportRange.extend({
    format: z.enum(['csv', 'xlsx']),
    /** the XLSX headers' language */
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  }),
);
export type ReportsExportArgs = z.input<typeof ReportsExportArgsSchema>;

export interface ReportsResult extends ReportResponse {
  /** where the figures come from: the server, or the local cache (offline, or asked for) */
  source: 'server' | 'cache';
  /** epoch ms the cache last caught up with the server (it holds at least everything up to then), null before its first sync */
  cacheSyncedAt: number | null;
  /** when the server was online but could not answer, why (the figures then come from the cache) */
  serverError: string | null;
}

export interface ReportsExportResult {
  path: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  source: ReportsResult['source'];
  rows: number;
}
