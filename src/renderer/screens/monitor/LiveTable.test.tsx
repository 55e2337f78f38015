// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { withViewport } from '../../testing/layout';
import { mount } from '../../testing/mount';
import { byNumber } from './format';
import { LiveTable, type LiveColumn } from './LiveTable';

type Row = { id: string; name: string; n: number };
const rowsOf = (count: number): Row[] => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, name: `row ${i}`, n: i % 3 }));

/** how many times each row's cells were drawn */
const drawn = new Map<string, number>();
const columns: LiveColumn<Row>[] = [
  {
    key: 'name',
    title: 'Name',
    render: (r) => {
      drawn.set(r.id, (drawn.get(r.id) ?? 0) + 1);
      return r.name;
    },
  },
  { key: 'n', title: 'N', render: (r) => r.n, sorter: byNumber((r) => r.n) },
];
const rowData = (r: Row) => ({ 'data-n': r.n });

const state = createStore<{ rows: Row[]; focus: string | null }>()(() => ({ rows: [], focus: null }));
function Table() {
  const { rows, focus } = useStore(state);
  return <LiveTable testId="t" rows={rows} rowKey="id" columns={columns} focus={focus} height={410} empty="none" rowData={rowData} />;
}

// a 410-pixel-high table of 41-pixel rows: ten rows in view
withViewport(1000, 410, 41);

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  drawn.clear();
});

function show(rows: Row[]) {
  state.setState({ rows, focus: null });
  view = mount(<Table />);
  return view.container;
}
const keys = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('tr[data-row-key]')].map((tr) => tr.dataset.rowKey);

describe('LiveTable', () => {
  it('renders the rows in view of 1,000 as a grid, and scrolls to and marks the row an alert points at', () => {
    const container = show(rowsOf(1000));
    const grid = container.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).toBe('1001');
    expect(keys(container).length).toBeGreaterThan(5);
    expect(keys(container).length).toBeLessThan(30);
    expect(keys(container)).not.toContain('r900');
    // happy-dom neither lays out the scrolled height (the header and 1,000 rows) nor tells of a scroll
    const scroller = container.querySelector<HTMLElement>('[data-testid="t"]')!;
    Object.defineProperty(scroller, 'scrollHeight', { value: 1001 * 41 });
    act(() => state.setState({ focus: 'r900' }));
    expect(scroller.scrollTop).toBeGreaterThan(800 * 41);
    act(() => scroller.dispatchEvent(new Event('scroll')));
    const focused = container.querySelector<HTMLElement>('tr[data-row-key="r900"]');
    expect(focused?.dataset.focused).toBe('true');
    expect(focused?.getAttribute('aria-selected')).toBe('true');
  });

  it('redraws only the row whose object the delta replaced', () => {
    const rows = rowsOf(5);
    const container = show(rows);
    const before = new Map(drawn);
    act(() => state.setState({ rows: rows.map((r) => (r.id === 'r2' ? { ...r, n: 9 } : r)) }));
    expect(drawn.get('r2')).toBe(before.get('r2')! + 1);
    for (const id of ['r0', 'r1', 'r3', 'r4']) expect(drawn.get(id)).toBe(before.get(id));
    expect(container.querySelector<HTMLElement>('tr[data-row-key="r2"]')?.dataset.n).toBe('9');
  });

  it('sorts by a header, by click or key: ascending, descending, then as given; ties keep their order', () => {
    const container = show(rowsOf(6));
    const [name, n] = [...container.querySelectorAll<HTMLElement>('[role="columnheader"]')];
    expect(name!.hasAttribute('aria-sort')).toBe(false);
    expect(n!.getAttribute('aria-sort')).toBe('none');
    act(() => n!.click());
    expect(n!.getAttribute('aria-sort')).toBe('ascending');
    expect(keys(container)).toEqual(['r0', 'r3', 'r1', 'r4', 'r2', 'r5']);
    act(() => n!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(n!.getAttribute('aria-sort')).toBe('descending');
    expect(keys(container)).toEqual(['r2', 'r5', 'r1', 'r4', 'r0', 'r3']);
    act(() => n!.click());
    expect(n!.getAttribute('aria-sort')).toBe('none');
    expect(keys(container)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('moves between rows with the arrow keys from the row Tab lands on', () => {
    const container = show(rowsOf(3));
    const first = container.querySelector<HTMLElement>('tr[data-row-key="r0"]')!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    act(() => first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement?.getAttribute('data-row-key')).toBe('r1');
    act(() => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(document.activeElement?.getAttribute('data-row-key')).toBe('r0');
  });

  it('says so when there are no rows', () => {
    const container = show([]);
    expect(keys(container)).toEqual([]);
    expect(container.querySelector('[role="gridcell"]')?.textContent).toBe('none');
  });
});
