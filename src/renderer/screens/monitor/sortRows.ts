import type { ReactNode } from 'react';

export interface LiveColumn<T> {
  key: string;
  /** the header, in the window's language */
  title: string;
  /** the cell, from its row alone */
  render(row: T): ReactNode;
  /** the ascending order; descending is its reverse */
  sorter?: (a: T, b: T) => number;
}

export interface SortState {
  key: string;
  order: 'ascending' | 'descending';
}

/** A header click: unsorted → ascending → descending → unsorted; another column starts ascending. */
export function nextSort(current: SortState | null, key: string): SortState | null {
  if (current?.key !== key) return { key, order: 'ascending' };
  return current.order === 'ascending' ? { key, order: 'descending' } : null;
}

/**
 * The rows in the chosen column's order. The sort is stable and descending negates the comparison
 * (not the result), so ties keep the rows' name order (inNameOrder) either way; unsorted is the rows as given.
 */
export function sortRows<T>(rows: T[], columns: readonly LiveColumn<T>[], sort: SortState | null): T[] {
  const compare = sort && columns.find((column) => column.key === sort.key)?.sorter;
  if (!compare) return rows;
  const sign = sort.order === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b));
}
