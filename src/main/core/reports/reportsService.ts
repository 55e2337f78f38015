import type Database from 'better-sqlite3';
import { ReportResponseSchema, type ReportResponse } from '../../../shared/api/monitor';
import type { ReportsExportResult, ReportsResult } from '../../../shared/metrics/reportArgs';
import type { ReportGroupBy } from '../../../shared/metrics/report';
import { reportFile, type ReportFileFormat } from '../../../shared/metrics/reportFile';
import type { ReportLang } from '../../../shared/metrics/reportColumns';
import { RpcError } from '../../../shared/rpc/errors';
import { exportFolder, writeNewFile } from '../evidence/exportFolder';
import { requestJson } from '../session/serverApi';
import { CacheReport } from './cacheReport';

export interface ReportsServiceOptions {
  db: Database.Database;
  serverUrl: string;
  token: string;
  isOnline: () => boolean;
  /** epoch ms the cache last caught up with the server */
  cacheSyncedAt: () => number | null;
  /** tests point exports at a temp folder */
  folder?: string;
}

interface Range {
  groupBy: ReportGroupBy;
  from: number;
  to: number;
  source: 'auto' | 'cache';
}

/**
 * Reports for leads and admins: the server's when it is online (it sees every row at once), else
 * the same figures from the cache. A server that is online but cannot answer (timed out, failing)
 * does not leave the lead without figures: the cache answers and says why.
 */
export class ReportsService {
  private readonly cache: CacheReport;

  constructor(private readonly options: ReportsServiceOptions) {
    this.cache = new CacheReport(options.db);
  }

  async build(range: Range, signal?: AbortSignal): Promise<ReportsResult> {
    const cacheSyncedAt = this.options.cacheSyncedAt();
    const fromCache = (serverError: string | null): ReportsResult => ({
      ...this.cache.build(range.groupBy, range.from, range.to),
      source: 'cache',
      cacheSyncedAt,
      serverError,
    });
    if (range.source === 'cache' || !this.options.isOnline()) return fromCache(null);
    try {
      return { ...(await this.fromServer(range, signal)), source: 'server', cacheSyncedAt, serverError: null };
    } catch (error) {
      // 'offline' is how requestJson reports an unreachable or failing server; a refusal (403) stands.
      if (error instanceof RpcError && error.code === 'offline') return fromCache(error.message);
      throw error;
    }
  }

  /** Writes the report into the export folder as a new file (never over an earlier one). */
  async export(range: Range & { format: ReportFileFormat; lang: ReportLang }, signal?: AbortSignal): Promise<ReportsExportResult> {
    const report = await this.build(range, signal);
    const file = reportFile(report, range.format, range.lang);
    const path = await writeNewFile(this.options.folder ?? exportFolder(), file.baseName, range.format, file.body);
    return { path, fileName: path.split(/[\\/]/).pop()!, format: range.format, source: report.source, rows: report.rows.length };
  }

  private fromServer(range: Range, signal?: AbortSignal): Promise<ReportResponse> {
    const query = new URLSearchParams({ groupBy: range.groupBy, from: String(range.from), to: String(range.to) });
    return requestJson(this.options.serverUrl, `/api/reports?${query}`, ReportResponseSchema, { token: this.options.token, signal });
  }
}
