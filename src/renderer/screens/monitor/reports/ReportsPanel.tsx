import { Alert, Button, DatePicker, Flex, Segmented, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportsExportResult, ReportsResult } from '../../../../shared/metrics/reportArgs';
import type { ReportGroupBy } from '../../../../shared/metrics/report';
import { useAppState, useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { errorKey } from '../../../i18n/errorKey';
import { useCoreRefresh } from '../../../state/useCoreQuery';
import { daysRange, presetRange, type RangePreset } from './reportRange';
import { ReportTable } from './ReportTable';

const GROUPS: readonly ReportGroupBy[] = ['agent', 'team', 'shop'];
const PRESETS: readonly RangePreset[] = ['today', 'last7', 'custom'];

/**
 * Reports per agent / team / shop over whole days (issue 7 §6): the server's figures when online,
 * the core's from its cache when not, labelled with where they come from; CSV and XLSX saved by
 * the core into the export folder. Read again when the link goes up or down.
 */
export function ReportsPanel() {
  const { t, i18n } = useTranslation();
  const { rpc } = useShell();
  const reportError = useReportError();
  const online = useAppState((s) => s.sync?.state === 'online');
  const [groupBy, setGroupBy] = useState<ReportGroupBy>('agent');
  const [preset, setPreset] = useState<RangePreset>('today');
  const [days, setDays] = useState<[string, string] | null>(null);
  const [tick, setTick] = useState(0);
  const [report, setReport] = useState<{ result: ReportsResult | null; error: unknown; loading: boolean }>({ result: null, error: null, loading: true });
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [saved, setSaved] = useState<ReportsExportResult | null>(null);

  /** the range asked now: "today" moves on at midnight, so presets are computed at each read */
  const range = () => (preset === 'custom' ? (days ? daysRange(days[0], days[1]) : null) : presetRange(preset, Date.now()));

  useCoreRefresh(
    async (rpc, live) => {
      const asked = range();
      if (!asked) return setReport({ result: null, error: null, loading: false });
      setReport((r) => ({ ...r, loading: true }));
      try {
        const result = await rpc.reports.build({ groupBy, ...asked });
        if (live()) setReport({ result, error: null, loading: false });
      } catch (error) {
        if (live()) setReport({ result: null, error, loading: false });
      }
    },
    () => [],
    [groupBy, preset, days?.[0], days?.[1], online, tick],
  );

  const exportAs = async (format: 'csv' | 'xlsx') => {
    const shown = report.result;
    if (!shown) return;
    setExporting(format);
    try {
      setSaved(await rpc.reports.export({ groupBy: shown.groupBy, from: shown.from, to: shown.to, format, lang: i18n.language === 'en' ? 'en' : 'zh-CN' }));
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(null);
    }
  };

  const result = report.result;
  return (
    <Flex vertical gap={12} data-testid="reports-panel">
      <Flex wrap gap={8} align="center">
        <Segmented<ReportGroupBy>
          data-testid="reports-group"
          value={groupBy}
          onChange={setGroupBy}
          options={GROUPS.map((g) => ({ value: g, label: t(`reports.groupBy.${g}`) }))}
        />
        <Segmented<RangePreset>
          data-testid="reports-range"
          value={preset}
          onChange={setPreset}
          options={PRESETS.map((p) => ({ value: p, label: t(`reports.range.${p}`) }))}
        />
        {preset === 'custom' && (
          <DatePicker.RangePicker
            data-testid="reports-days"
            allowClear={false}
            placeholder={[t('reports.range.from'), t('reports.range.to')]}
            onChange={(dates) => setDays(dates?.[0] && dates[1] ? [dates[0].format('YYYY-MM-DD'), dates[1].format('YYYY-MM-DD')] : null)}
          />
        )}
        <Button data-testid="reports-refresh" onClick={() => setTick((n) => n + 1)} loading={report.loading}>
          {t('reports.refresh')}
        </Button>
        {result && <SourceTag result={result} />}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Button data-testid="reports-export-csv" disabled={!result} loading={exporting === 'csv'} onClick={() => void exportAs('csv')}>
            {t('reports.exportCsv')}
          </Button>
          <Button data-testid="reports-export-xlsx" type="primary" disabled={!result} loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')}>
            {t('reports.exportXlsx')}
          </Button>
        </Flex>
      </Flex>
      {saved && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSaved(null)}
          data-testid="reports-saved"
          title={t('reports.saved', { count: saved.rows })}
          description={
            <Typography.Text copyable data-testid="reports-saved-path">
              {saved.path}
            </Typography.Text>
          }
        />
      )}
      {report.error !== null && <Alert type="error" showIcon data-testid="reports-error" title={t('reports.loadError')} description={t(errorKey(report.error))} />}
      {preset === 'custom' && !days ? (
        <Typography.Text type="secondary" data-testid="reports-pick-days">
          {t('reports.range.pick')}
        </Typography.Text>
      ) : (
        <ReportTable rows={result?.rows ?? []} loading={report.loading} />
      )}
    </Flex>
  );
}

/** Where the figures come from: the server, or this computer's cache and how fresh it is. */
function SourceTag({ result }: { result: ReportsResult }) {
  const { t, i18n } = useTranslation();
  if (result.source === 'server') {
    return (
      <Tag color="green" data-testid="reports-source" data-source="server">
        {t('reports.source.server')}
      </Tag>
    );
  }
  const synced = result.cacheSyncedAt === null ? t('reports.source.never') : new Date(result.cacheSyncedAt).toLocaleString(i18n.language);
  return (
    <Tooltip title={result.serverError ? t('reports.source.serverFailed', { error: result.serverError }) : t('reports.source.cacheHint')}>
      <Tag color="orange" data-testid="reports-source" data-source="cache">
        {t('reports.source.cache', { synced })}
      </Tag>
    </Tooltip>
  );
}
