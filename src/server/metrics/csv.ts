import type { ReportRow } from '../../shared/api/monitor';

/** Column order and headers of the CSV report (English keys: a spreadsheet formula can name them). */
const COLUMNS: readonly (keyof ReportRow)[] = [
  'key',
  'name',
  'conversations',
  'pickup30Rate',
  'avgReplyIntervalMs',
  'avgFirstResponseMs',
  'avgResolutionMs',
  'qcPassRate',
  'escalationRate',
  'csatAvg',
  'csatCount',
  'appealRate',
];

/**
 * The report as CSV: a UTF-8 byte-order mark first, because Excel reads a file without one in the
 * system code page and garbles Chinese names; CRLF line ends (RFC 4180). Empty cells for figures
 * with nothing to measure. A cell that a spreadsheet would run as a formula (= + - @ first) gets a
 * leading apostrophe: a team name is data, never code.
 */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
