/*
 * China Standard Time helpers. The demo centre works on Beijing time whatever the machine's zone,
 * so everything here is plain arithmetic on UTC+8, never the local time zone (which would make the
 * output depend on where the generator runs).
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const CST_OFFSET = 8 * HOUR;

/** 00:00 China time of the day holding `ms`. */
export function cstDayStart(ms: number): number {
  return Math.floor((ms + CST_OFFSET) / DAY) * DAY - CST_OFFSET;
}

/** The China-time hour (0–23) of `ms`. */
export function cstHour(ms: number): number {
  return new Date(ms + CST_OFFSET).getUTCHours();
}

/** yyyymmdd of the China date holding `ms`, as used inside order and ticket numbers. */
export function cstDateCode(ms: number): string {
  const d = new Date(ms + CST_OFFSET);
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${d.getUTCFullYear()}${mm}${dd}`;
}

/** M月D日 of the China date holding `ms`, for chat text. */
export function cstMonthDay(ms: number): string {
  const d = new Date(ms + CST_OFFSET);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
