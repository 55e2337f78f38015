import { dayStart, REPORT_UTC_OFFSET_MINUTES } from '../../../../shared/metrics/kpis';

const DAY_MS = 24 * 3600_000;

export type RangePreset = 'today' | 'last7' | 'custom';

/** A report's [from, to): whole reporting days (China Standard Time, as the server counts "today"). */
export interface ReportRange {
  from: number;
  to: number;
}

/** Today, or the last 7 days including today. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: number): ReportRange {
  const today = dayStart(now);
  return { from: preset === 'today' ? today : today - 6 * DAY_MS, to: today + DAY_MS };
}

/** Calendar days picked (YYYY-MM-DD, both included) as reporting days. */
export function daysRange(first: string, last: string): ReportRange {
  return { from: dayAt(first), to: dayAt(last) + DAY_MS };
}

function dayAt(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - REPORT_UTC_OFFSET_MINUTES * 60_000;
}
