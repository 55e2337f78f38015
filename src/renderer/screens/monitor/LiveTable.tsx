import { Table, type TableColumnsType } from 'antd';
import { useFocusedRow } from './useFocusedRow';

export interface LiveTableProps<T> {
  testId: string;
  rows: T[];
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  /** the row an alert pointed at: scrolled to and highlighted */
  focus: string | null;
  height: number;
  empty: string;
  /** data-* attributes of each row (the tests and the benchmark read them) */
  rowData(row: T): Record<string, string | number>;
}

/** A monitor table: sortable columns, every row live, virtualised past 100 rows (a centre of 1,000 agents). */
export function LiveTable<T extends object>({ testId, rows, rowKey, columns, focus, height, empty, rowData }: LiveTableProps<T>) {
  useFocusedRow(focus);
  const key = (row: T) => String(row[rowKey]);
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      rowKey={rowKey}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ y: height, x: 'max-content' }}
      virtual={rows.length > 100}
      locale={{ emptyText: empty }}
      onRow={(row) => ({ ...rowData(row), 'data-focused': focus === key(row) ? 'true' : undefined }) as object}
      rowClassName={(row) => (focus === key(row) ? 'ant-table-row-selected' : '')}
    />
  );
}
