// @vitest-environment happy-dom
import '../../i18n';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { summary } from '../../testing/workstationWorld';
import { ConversationList } from './ConversationList';

globalThis.IS_REACT_ACT_ENVIRONMENT = true;
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

// happy-dom lays nothing out: give every element the size of a 640-pixel-high list viewport,
// which is what the virtualizer reads (clientHeight) to decide how many rows it renders.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 280 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

function renderList(count: number, height = 640) {
  const conversations = Array.from({ length: count }, (_, i) => summary(`c${i}`, { unread: i % 3 }));
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<ConversationList conversations={conversations} activeId="c1" onOpen={() => {}} emptyText="none" height={height} />));
  cleanup = () => {
    act(() => root.unmount());
    container.remove();
  };
  return container;
}

describe('conversation list', () => {
  it('renders only a window of 10,000 rows, sized for all of them', () => {
    const container = renderList(10_000);
    const rows = container.querySelectorAll('[data-testid="conversation-row"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]?.getAttribute('data-id')).toBe('c0');
    const inner = container.querySelector<HTMLElement>('[data-testid="conversation-list"] > div');
    expect(inner?.style.height).toBe(`${10_000 * 64}px`);
  });

  it('shows each row’s unread count and the empty state when there are none', () => {
    const container = renderList(3);
    expect([...container.querySelectorAll('[data-testid="conversation-row"]')].map((row) => row.getAttribute('data-unread'))).toEqual(['0', '1', '2']);
    cleanup?.();
    expect(renderList(0).querySelector('[data-testid="empty-conversations"]')?.textContent).toContain('none');
  });
});
