// @vitest-environment happy-dom
import '../../i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { withViewport } from '../../testing/layout';
import { mount } from '../../testing/mount';
import { summary } from '../../testing/workstationWorld';
import { ConversationList } from './ConversationList';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

// A 640-pixel-high list: what the virtualizer reads to decide how many rows it renders.
withViewport(280, 640);

function renderList(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `c${i}`);
  const summaries = Object.fromEntries(ids.map((id, i) => [id, summary(id, { unread: i % 3 })]));
  view = mount(<ConversationList ids={ids} summaries={summaries} onWant={() => {}} activeId="c1" onOpen={() => {}} emptyText="none" height={640} />);
  return view;
}

describe('conversation list', () => {
  it('renders only a window of 10,000 rows, sized for all of them', () => {
    const { all, container } = renderList(10_000);
    const rows = all('conversation-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.dataset.id).toBe('c0');
    const inner = container.querySelector<HTMLElement>('[data-testid="conversation-list"] > div');
    expect(inner?.style.height).toBe(`${10_000 * 64}px`);
  });

  it('asks for the summaries of the rows about the view only, showing those not read yet as blank rows', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const asked: string[][] = [];
    view = mount(<ConversationList ids={ids} summaries={{ c0: summary('c0') }} onWant={(wanted) => asked.push(wanted)} activeId={null} onOpen={() => {}} emptyText="none" height={640} />);
    expect(asked).toHaveLength(1);
    expect(asked[0]![0]).toBe('c1');
    expect(asked[0]!.length).toBeLessThan(100);
    expect(view.all('conversation-row').map((row) => row.dataset.id)).toEqual(['c0']);
    expect(view.all('conversation-row-pending').length).toBeGreaterThan(5);
  });

  it('shows each row’s unread count and the empty state when there are none', () => {
    expect(renderList(3).all('conversation-row').map((row) => row.dataset.unread)).toEqual(['0', '1', '2']);
    view!.unmount();
    expect(renderList(0).all('empty-conversations')[0]?.textContent).toContain('none');
  });
});
