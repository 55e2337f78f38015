import type { ReportRow } from '../api/monitor';
import { REPORT_COLUMNS } from './reportColumns';

/**
 * The report as CSV: a UTF-8 byte-order mark first, because Excel reads a file without one in the
 * system code page and garbles Chinese names; CRLF line ends (RFC 4180); the column keys as headers
 * (a spreadsheet formula can name them). Empty cells for figures with nothing to measure. A cell
 * that a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe: a team name
 * is data, never code.
 */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.map((c) => c.key).join(','), ...rows.map((row) => REPORT_COLUMNS.map((c) => cell(row[c.key])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
