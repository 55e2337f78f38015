import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportRow } from '../../../../shared/api/monitor';
import { REPORT_COLUMNS, type ReportColumnKind } from '../../../../shared/metrics/reportColumns';
import { byNumber, formatDuration, formatRate } from '../format';

type Figure = Exclude<keyof ReportRow, 'key' | 'name'>;

const SHOW: Record<ReportColumnKind, (value: number | null) => string> = {
  text: (value) => String(value ?? '—'),
  count: (value) => String(value ?? 0),
  rate: formatRate,
  ms: formatDuration,
  rating: (value) => (value === null ? '—' : value.toFixed(2)),
};

/** The report's rows, one column per figure (shared/metrics/reportColumns), every column sortable. */
export function ReportTable({ rows, loading }: { rows: readonly ReportRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const figures = REPORT_COLUMNS.filter((c) => c.kind !== 'text');
  const columns: TableColumnsType<ReportRow> = [
    {
      key: 'name',
      title: t('reports.columns.name'),
      dataIndex: 'name',
      fixed: 'left',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    ...figures.map((c) => {
      const key = c.key as Figure;
      return {
        key,
        title: t(`reports.columns.${key}`),
        align: 'right' as const,
        render: (_: unknown, row: ReportRow) => SHOW[c.kind](row[key]),
        sorter: byNumber((row: ReportRow) => row[key]),
      };
    }),
  ];
  return (
    <Table
      data-testid="reports-table"
      size="small"
      rowKey="key"
      loading={loading}
      columns={columns}
      dataSource={rows as ReportRow[]}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('reports.empty') }}
      onRow={(row) => ({ 'data-row': row.key }) as object}
    />
  );
}
