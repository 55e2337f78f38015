import { strToU8 } from 'fflate';
import type { ReportResponse, ReportRow } from '../api/monitor';
import { REPORT_UTC_OFFSET_MINUTES } from './kpis';
import { REPORT_COLUMNS, type ReportColumnKind, type ReportLang } from './reportColumns';
import { reportCsv } from './reportCsv';
import { XLSX_MIME, xlsxWorkbook, type XlsxFormat } from './xlsx';

export type ReportFileFormat = 'csv' | 'xlsx';

export interface ReportFile {
  /** `seatdesk-report-<group>-<first day>_<last day>`, days in report time (China Standard Time) */
  baseName: string;
  /** baseName.csv or baseName.xlsx */
  fileName: string;
  mime: string;
  body: Uint8Array;
}

const FORMAT: Record<ReportColumnKind, XlsxFormat> = { text: 'text', count: 'integer', rate: 'percent', ms: 'decimal', rating: 'decimal' };
const SHEET_NAME: Record<ReportLang, Record<ReportResponse['groupBy'], string>> = {
  'zh-CN': { agent: '按客服', team: '按团队', shop: '按店铺' },
  en: { agent: 'By agent', team: 'By team', shop: 'By shop' },
};

/** The report as a file to download or save: the same bytes from the server and from the core. */
export function reportFile(report: ReportResponse, format: ReportFileFormat, lang: ReportLang): ReportFile {
  const baseName = `seatdesk-report-${report.groupBy}-${day(report.from)}_${day(report.to - 1)}`;
  const fileName = `${baseName}.${format}`;
  if (format === 'csv') return { baseName, fileName, mime: 'text/csv; charset=utf-8', body: strToU8(reportCsv(report.rows)) };
  return { baseName, fileName, mime: XLSX_MIME, body: reportXlsx(report, lang) };
}

/** Rates as percentages, durations in seconds, counts as integers; headers in the reader's language. */
export function reportXlsx(report: ReportResponse, lang: ReportLang): Uint8Array {
  return xlsxWorkbook({
    name: SHEET_NAME[lang][report.groupBy],
    columns: REPORT_COLUMNS.map((c) => ({ header: c.label[lang], format: FORMAT[c.kind], width: c.kind === 'text' ? 24 : 16 })),
    rows: report.rows.map((row) => REPORT_COLUMNS.map((c) => xlsxValue(row, c.key, c.kind))),
  });
}

function xlsxValue(row: ReportRow, key: keyof ReportRow, kind: ReportColumnKind): string | number | null {
  const value = row[key];
  return kind === 'ms' && typeof value === 'number' ? value / 1000 : value;
}

/** YYYY-MM-DD of the reporting day holding `at`. */
function day(at: number): string {
  return new Date(at + REPORT_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
