import { useVirtualizer } from '@tanstack/react-virtual';
import { theme } from 'antd';
import { memo, useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { liveTableStyles, type LiveTableStyles } from './liveTableStyles';
import { nextSort, sortRows, type LiveColumn, type SortState } from './sortRows';

export type { LiveColumn } from './sortRows';

export interface LiveTableProps<T> {
  testId: string;
  rows: T[];
  rowKey: keyof T & string;
  /**
   * Each cell draws from its row alone: a row is redrawn only when its row object is replaced
   * (what changes by itself, the clock or the language, is a component of its own in the cell).
   * Keep the array's identity between renders (useMemo), or every row is redrawn.
   */
  columns: LiveColumn<T>[];
  /** the row an alert pointed at: scrolled to and highlighted */
  focus: string | null;
  /** the rows' height before they scroll (the header stays on top) */
  height: number;
  empty: string;
  /** data-* attributes of each row (the tests and the benchmark read them); a stable function */
  rowData(row: T): Record<string, string | number>;
}

/**
 * A monitor table: sortable columns, every row live, only the rows in view rendered (a centre of
 * 1,000 agents). Not antd's Table: with two deltas a second, its per-update work (every visible
 * cell through its column machinery) left the window ~230 MB of garbage-heavy memory; here a row
 * is one memoised component redrawn only when its row object, place or focus changes.
 */
export function LiveTable<T extends object>({ testId, rows, rowKey, columns, focus, height, empty, rowData }: LiveTableProps<T>) {
  const { token } = theme.useToken();
  const styles = useMemo(() => liveTableStyles(token), [token]);
  const [sort, setSort] = useState<SortState | null>(null);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => styles.rowHeight,
    // the sticky header sits above the first row, in the same scrolling box
    paddingStart: styles.rowHeight,
    scrollPaddingStart: styles.rowHeight,
    overscan: 4,
    getItemKey: (index) => String(sorted[index]![rowKey]),
    initialRect: { width: 1000, height },
  });
  const items = virtualizer.getVirtualItems();
  const before = (items[0]?.start ?? styles.rowHeight) - styles.rowHeight;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? styles.rowHeight);

  // Scrolled to when an alert points at it, not again as the rows move under later deltas.
  const scrollToFocus = useEffectEvent((id: string) => {
    const index = sorted.findIndex((row) => String(row[rowKey]) === id);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  });
  useEffect(() => {
    if (focus) scrollToFocus(focus);
  }, [focus]);

  return (
    <div ref={scroller} data-testid={testId} style={{ ...styles.scroller, maxHeight: height + styles.rowHeight }}>
      <table role="grid" aria-rowcount={sorted.length + 1} style={styles.table}>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={sort} styles={styles} onSort={() => setSort((s) => nextSort(s, column.key))} />
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={moveRowFocus}>
          {sorted.length === 0 && (
            <tr role="row">
              <td role="gridcell" colSpan={columns.length} style={styles.empty}>
                {empty}
              </td>
            </tr>
          )}
          {before > 0 && <tr role="presentation" style={{ height: before }} />}
          {items.map((item) => {
            const row = sorted[item.index]!;
            return <LiveRow key={item.key} row={row} id={String(item.key)} index={item.index} columns={columns} focused={focus === item.key} rowData={rowData} styles={styles} />;
          })}
          {after > 0 && <tr role="presentation" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell<T>({ column, sort, styles, onSort }: { column: LiveColumn<T>; sort: SortState | null; styles: LiveTableStyles; onSort(): void }) {
  if (!column.sorter) {
    return (
      <th role="columnheader" style={styles.header}>
        {column.title}
      </th>
    );
  }
  const order = sort?.key === column.key ? sort.order : 'none';
  return (
    <th
      role="columnheader"
      aria-sort={order}
      tabIndex={0}
      style={{ ...styles.header, cursor: 'pointer' }}
      onClick={onSort}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        onSort();
      }}
    >
      {column.title}
      <span aria-hidden style={styles.arrows}>
        <span style={order === 'ascending' ? styles.arrowOn : undefined}>▲</span>
        <span style={order === 'descending' ? styles.arrowOn : undefined}>▼</span>
      </span>
    </th>
  );
}

interface LiveRowProps<T> {
  row: T;
  id: string;
  index: number;
  columns: LiveColumn<T>[];
  focused: boolean;
  rowData(row: T): Record<string, string | number>;
  styles: LiveTableStyles;
}

/** One row: memoised on its props, so a delta redraws the rows it replaced and no other. */
const LiveRow = memo(function LiveRow<T>({ row, id, index, columns, focused, rowData, styles }: LiveRowProps<T>) {
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      aria-selected={focused}
      // the first row is where Tab enters the rows; the arrows go on from there
      tabIndex={index === 0 ? 0 : -1}
      data-row-key={id}
      data-focused={focused ? 'true' : undefined}
      style={focused ? styles.focusedRow : styles.row}
      {...rowData(row)}
    >
      {columns.map((column) => (
        <td key={column.key} role="gridcell" style={styles.cell}>
          {column.render(row)}
        </td>
      ))}
    </tr>
  );
}) as <T>(props: LiveRowProps<T>) => ReactNode;

/** Up and down arrows move between rows (from a row itself: a cell's own field keeps its arrows). */
function moveRowFocus(e: KeyboardEvent<HTMLTableSectionElement>): void {
  const row = e.target as HTMLElement;
  if (row.tagName !== 'TR' || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
  const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
  if (next instanceof HTMLElement && next.dataset.rowKey !== undefined) {
    e.preventDefault();
    next.focus();
  }
}
