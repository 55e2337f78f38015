// @vitest-environment happy-dom
import '../../i18n';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewQueueItem, ReviewSetView } from '../../../shared/domain/reviews';
import type { FakeHandlers } from '../../testing/fakeCore';
import { withViewport } from '../../testing/layout';
import { renderInShell } from '../../testing/renderInShell';
import { until } from '../../testing/until';
import { ReviewPanel } from './ReviewPanel';

// The review tab on a fake core: the set's work list, the keyboard, and text shown as text.

const T = Date.UTC(2026, 10, 23, 8);
const set: ReviewSetView = {
  id: 'set-1', name: '账号与安全 11/23', filter: { queueId: 'q-1', from: T - 3_600_000, to: T + 3_600_000 }, state: 'ready',
  conversations: 2, rows: 9, bytes: 2048, error: null, createdAt: T, preparedAt: T,
};
const item = (over: Partial<ReviewQueueItem>): ReviewQueueItem => ({
  conversationId: 'c-1', createdAt: T, status: 'resolved', queueId: 'q-1', shopId: null, assigneeId: null, customerName: '<b>张三</b> 13812345678',
  messages: 3, qcFlags: 1, verdict: null, rejected: null, ...over,
});

withViewport(1200, 800);

let view: Awaited<ReturnType<typeof renderInShell>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function open(items: ReviewQueueItem[], recorded: unknown[] = [], hiddenTab = false, more: FakeHandlers = {}) {
  const handlers: FakeHandlers = {
    'review.sets.list': () => [set],
    'review.queue': () => items,
    'reviews.record': (args) => {
      recorded.push(args);
      return { mutationId: 'm-1', reviewId: 'r-1' };
    },
    'messages.list': () => ({ messages: [], hasMore: false }),
    'shops.list': () => [],
    'agents.list': () => [],
    'queues.list': () => [],
    'teams.list': () => [],
    ...more,
  };
  const panel = hiddenTab ? (
    <div role="tabpanel" aria-hidden="true">
      <ReviewPanel />
    </div>
  ) : (
    <ReviewPanel />
  );
  view = await renderInShell(panel, { handlers });
  return view;
}

const press = (key: string, target: EventTarget = window) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

describe('ReviewPanel', () => {
  it('lists the set’s conversations with each verdict’s state, customer names as masked text', async () => {
    const { container } = await open([
      item({}),
      item({ conversationId: 'c-2', verdict: { reviewId: 'r-2', verdict: 'fail', ruleId: 'agent.rude', note: '', state: 'pending', updatedAt: T } }),
    ]);
    await until(() => expect(container.querySelectorAll('[data-testid="review-item"]')).toHaveLength(2));
    const rows = [...container.querySelectorAll<HTMLElement>('[data-testid="review-item"]')];
    expect(rows.map((r) => r.dataset.state)).toEqual(['', 'pending']);
    expect(rows[0]!.textContent).toContain('<b>张三</b>');
    expect(rows[0]!.querySelector('b')).toBeNull();
    expect(rows[0]!.textContent).not.toContain('13812345678');
    expect(container.querySelector('[data-testid="review-set"]')?.textContent).toContain('账号与安全 11/23');
  });

  it('walks the list with J / K and passes the selected conversation with P, but not while typing a note', async () => {
    const recorded: unknown[] = [];
    const { container } = await open([item({}), item({ conversationId: 'c-2' })], recorded);
    await until(() => expect(container.querySelector('[data-testid="review-conversation"]')).not.toBeNull());
    const selected = () => container.querySelector<HTMLElement>('[data-testid="review-item"][aria-selected="true"]')?.dataset.conversation;
    expect(selected()).toBe('c-1');
    await press('j');
    await until(() => expect(selected()).toBe('c-2'));
    await press('k');
    await until(() => expect(selected()).toBe('c-1'));

    const note = container.querySelector<HTMLTextAreaElement>('[data-testid="verdict-note"]')!;
    await press('p', note);
    expect(recorded).toEqual([]);
    await press('p');
    await until(() => expect(recorded).toEqual([{ conversationId: 'c-1', verdict: 'pass', ruleId: null, note: '' }]));
  });

  it('deletes a set after a confirm: the set and its work list leave, and the empty state shows', async () => {
    let sets = [set];
    const deleted: unknown[] = [];
    const { container } = await open([item({})], [], false, {
      'review.sets.list': () => sets,
      'review.sets.delete': (args) => {
        deleted.push(args);
        sets = [];
        return null;
      },
    });
    await until(() => expect(container.querySelectorAll('[data-testid="review-item"]')).toHaveLength(1));
    act(() => container.querySelector<HTMLElement>('[data-testid="review-delete"]')!.click());
    await until(() => expect(document.querySelector('[data-testid="review-delete-confirm"]')).not.toBeNull());
    act(() => document.querySelector<HTMLElement>('[data-testid="review-delete-confirm"]')!.click());
    await until(() => expect(container.querySelector('[data-testid="review-no-sets"]')).not.toBeNull());
    expect(deleted).toEqual([{ setId: 'set-1' }]);
    expect(container.querySelectorAll('[data-testid="review-item"]')).toHaveLength(0);
  });

  it('leaves the keys alone while its tab is kept mounted but another one is shown', async () => {
    const recorded: unknown[] = [];
    const { container } = await open([item({})], recorded, true);
    await until(() => expect(container.querySelector('[data-testid="review-conversation"]')).not.toBeNull());
    await press('p');
    await press('j');
    expect(recorded).toEqual([]);
  });
});
