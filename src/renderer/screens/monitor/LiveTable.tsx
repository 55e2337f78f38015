import { Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useFocusedRow } from './useFocusedRow';

export interface LiveTableProps<T> {
  testId: string;
  rows: T[];
  rowKey: keyof T & string;
  /**
   * Each cell draws from its row alone: a cell is redrawn only when its row object is replaced
   * (what changes by itself, the clock or the language, is a component of its own in the cell).
   */
  columns: TableColumnsType<T>;
  /** the row an alert pointed at: scrolled to and highlighted */
  focus: string | null;
  height: number;
  empty: string;
  /** data-* attributes of each row (the tests and the benchmark read them) */
  rowData(row: T): Record<string, string | number>;
}

/** A cell is redrawn when the server sent its row again (unchanged rows keep their object). */
const rowReplaced = (next: object, previous: object) => next !== previous;

/** A monitor table: sortable columns, every row live, virtualised past 100 rows (a centre of 1,000 agents). */
export function LiveTable<T extends object>({ testId, rows, rowKey, columns, focus, height, empty, rowData }: LiveTableProps<T>) {
  useFocusedRow(focus);
  const key = (row: T) => String(row[rowKey]);
  const cells = useMemo(() => columns.map((column) => ({ ...column, shouldCellUpdate: rowReplaced })), [columns]);
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      rowKey={rowKey}
      columns={cells}
      dataSource={rows}
      pagination={false}
      // A tooltip with its trigger in every sortable header, redrawn with each delta: the arrows say enough.
      showSorterTooltip={false}
      scroll={{ y: height, x: 'max-content' }}
      virtual={rows.length > 100}
      locale={{ emptyText: empty }}
      onRow={(row) => ({ ...rowData(row), 'data-focused': focus === key(row) ? 'true' : undefined }) as object}
      rowClassName={(row) => (focus === key(row) ? 'ant-table-row-selected' : '')}
    />
  );
}
