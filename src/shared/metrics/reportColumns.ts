import type { ReportRow } from '../api/monitor';

/** How a report figure is shown: a count, a fraction 0…1 shown as a percentage, a duration, a mean rating. */
export type ReportColumnKind = 'text' | 'count' | 'rate' | 'ms' | 'rating';

export interface ReportColumn {
  key: keyof ReportRow;
  kind: ReportColumnKind;
  /** headers for a person (XLSX, the panel); CSV keeps the keys, which a formula can name */
  label: { 'zh-CN': string; en: string };
}

/** The report's columns in the order every export and the panel show them. */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { key: 'key', kind: 'text', label: { 'zh-CN': '编号', en: 'ID' } },
  { key: 'name', kind: 'text', label: { 'zh-CN': '名称', en: 'Name' } },
  { key: 'conversations', kind: 'count', label: { 'zh-CN': '会话数', en: 'Conversations' } },
  { key: 'pickup30Rate', kind: 'rate', label: { 'zh-CN': '30秒接起率', en: '30-second pickup rate' } },
  { key: 'avgReplyIntervalMs', kind: 'ms', label: { 'zh-CN': '平均回复间隔(秒)', en: 'Avg reply interval (s)' } },
  { key: 'avgFirstResponseMs', kind: 'ms', label: { 'zh-CN': '首次响应时长(秒)', en: 'First response time (s)' } },
  { key: 'avgResolutionMs', kind: 'ms', label: { 'zh-CN': '解决时长(秒)', en: 'Resolution time (s)' } },
  { key: 'qcPassRate', kind: 'rate', label: { 'zh-CN': '质检合格率', en: 'QC pass rate' } },
  { key: 'escalationRate', kind: 'rate', label: { 'zh-CN': '升级率', en: 'Escalation rate' } },
  { key: 'csatAvg', kind: 'rating', label: { 'zh-CN': '满意度(1-5)', en: 'CSAT (1–5)' } },
  { key: 'csatCount', kind: 'count', label: { 'zh-CN': '评价数', en: 'Ratings' } },
  { key: 'appealRate', kind: 'rate', label: { 'zh-CN': '申诉率', en: 'Appeal rate' } },
];

export type ReportLang = keyof ReportColumn['label'];
