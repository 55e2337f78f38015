// @vitest-environment happy-dom
import '../../i18n';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryHit, HistorySearchArgs, HistoryTranscript, MessageView } from '../../../shared/domain/workstation';
import { conversationEntry } from '../../../shared/evidence/testing';
import type { FakeHandlers } from '../../testing/fakeCore';
import { agentSession } from '../../testing/fixtures';
import { withViewport } from '../../testing/layout';
import { renderInShell, typeInto } from '../../testing/renderInShell';
import { until } from '../../testing/until';
import { HistoryWindow } from './HistoryWindow';

withViewport(1200, 800, 48);

interface View {
  container: HTMLElement;
  byTestId(id: string): HTMLElement | null;
  unmount(): void;
}

let view: View | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const hit = (conversationId: string, messageId: string | null, snippet: string, ranges = [{ start: 0, end: 2 }]): HistoryHit => ({
  kind: messageId ? 'message' : 'conversation', conversationId, messageId, snippet, ranges, createdAt: Date.UTC(2026, 10, 1),
  customerId: 'cust-1', customerName: '王小明', queueId: 'queue-a', channel: 'chat', status: 'resolved',
});

const message = (id: string, body: string, over: Partial<MessageView> = {}): MessageView => ({
  id, conversationId: 'conv-1', senderKind: 'customer', senderId: 'cust-1', kind: 'text', body, event: null, articleId: null,
  createdAt: Date.UTC(2026, 10, 1, 8), delivery: 'sent', failure: null, ...over,
});

const transcript: HistoryTranscript = {
  entry: conversationEntry,
  messages: [message('m-1', '您好，我是智能助手', { senderKind: 'bot', senderId: null }), message('m-2', '退款 电话 13812345678'), message('m-3', '核实中', { kind: 'note', senderKind: 'agent', senderId: 'u-ma' })],
  truncated: false,
};

function world(extra: FakeHandlers = {}) {
  const searches: HistorySearchArgs[] = [];
  const handlers: FakeHandlers = {
    'agents.list': () => [],
    'queues.list': () => [],
    'shops.list': () => [{ id: 'shop-a', name: 'Shop A' }],
    'teams.list': () => [],
    'search.history': (args) => {
      searches.push(args);
      if (args.query === '无此词') return { hits: [], tookMs: 0.4 };
      if (!args.query) return { hits: [hit('conv-0', null, '')], tookMs: 0.3 };
      return { hits: [hit('conv-1', 'm-2', '退款 <img src=x onerror=alert(1)>'), hit('conv-2', 'x-1', '退款了'), hit('conv-1', 'm-9', '退款单')], tookMs: 1.5 };
    },
    'history.transcript': () => transcript,
    ...extra,
  };
  return { searches, handlers };
}

/** The window alone in the shell on a fake core (not the whole App: the test stays about this window). */
async function openHistory(handlers: FakeHandlers, role: 'agent' | 'lead' = 'agent'): Promise<View> {
  view = await renderInShell(<HistoryWindow />, { state: { session: { ...agentSession, role } }, handlers });
  return view;
}

const key = (k: string, target: EventTarget = window) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });

describe('HistoryWindow', () => {
  it('searches as one types and shows hits grouped by conversation, marked as text, with the time taken', async () => {
    const { searches, handlers } = world();
    const { container, byTestId } = await openHistory(handlers);
    await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(1));
    typeInto(byTestId('history-search') as HTMLInputElement, '退款');
    await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(3));
    expect([...container.querySelectorAll<HTMLElement>('[data-testid="history-group"]')].map((g) => g.dataset.conversation)).toEqual(['conv-1', 'conv-2']);
    expect([...container.querySelectorAll<HTMLElement>('[data-testid="history-hit"]')].map((h) => h.dataset.message)).toEqual(['m-2', 'm-9', 'x-1']);
    expect(container.querySelector('[data-testid="history-hit"] mark')?.textContent).toBe('退款');
    expect(container.querySelector('img')).toBeNull();
    expect(byTestId('history-summary')?.textContent).toBe('3 条结果，2 个会话，用时 1.5 毫秒');
    expect(searches.at(-1)).toMatchObject({ query: '退款' });
  });

  it('does not open a row of the previous answer when Enter follows the typing at once', async () => {
    const { handlers } = world();
    const { container, byTestId } = await openHistory(handlers);
    await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(1));
    typeInto(byTestId('history-search') as HTMLInputElement, '退款');
    key('Enter');
    await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(3));
    expect(byTestId('history-transcript-loading') ?? byTestId('history-transcript')).toBeNull();
    key('Enter');
    await until(() => expect(byTestId('history-transcript')?.dataset.conversation).toBe('conv-1'));
  });

  it('says when nothing matches', async () => {
    const { handlers } = world();
    const { byTestId } = await openHistory(handlers);
    typeInto(byTestId('history-search') as HTMLInputElement, '无此词');
    await until(() => expect(byTestId('history-no-results')).not.toBeNull());
  });

  it('walks the results with the arrow keys, opens one with Enter at its message with personal data masked, and closes it with Esc', async () => {
    const { handlers } = world();
    const { container, byTestId } = await openHistory(handlers);
    typeInto(byTestId('history-search') as HTMLInputElement, '退款');
    await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(3));
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowUp');
    const selected = () => [...container.querySelectorAll<HTMLElement>('[data-testid="history-hit"]')].filter((h) => h.getAttribute('aria-selected') === 'true');
    expect(selected().map((h) => h.dataset.message)).toEqual(['m-9']);
    key('ArrowUp');
    key('Enter');
    await until(() => expect(byTestId('history-transcript')).not.toBeNull());
    const focused = container.querySelector('[data-focused="true"]');
    expect(focused?.textContent).toContain('138****5678');
    expect(byTestId('history-transcript')?.textContent).not.toContain('13812345678');
    expect(byTestId('transcript-counterpart')?.textContent).toBe('店铺：Shop A');
    expect(byTestId('thread-note')?.textContent).toContain('核实中');
    key('Escape');
    await until(() => expect(byTestId('history-transcript')).toBeNull());
  });

  it('leaves the keys alone while the offline review tab shows', async () => {
    const { handlers } = world();
    const { container, byTestId } = await openHistory(handlers);
    await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(1));
    const reviewTab = [...container.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => tab.textContent === '离线审核')!;
    act(() => reviewTab.click());
    key('Enter');
    key('ArrowDown');
    await until(() => expect(container.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('离线审核'));
    expect(byTestId('history-transcript-loading') ?? byTestId('history-transcript')).toBeNull();
  });

  it('puts the cursor in the search box on "/" and on Ctrl+F', async () => {
    const { handlers } = world();
    const { byTestId } = await openHistory(handlers);
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    key('/', document.body);
    expect(document.activeElement).toBe(byTestId('history-search'));
    act(() => (document.activeElement as HTMLElement).blur());
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true }));
    });
    expect(document.activeElement).toBe(byTestId('history-search'));
  });

  it('exports the open conversation masked; only a lead is offered the unmasked option', async () => {
    const exports: unknown[] = [];
    const { handlers } = world({
      'history.export': (args) => {
        exports.push(args);
        return { path: '/exports/one.json', format: 'json', conversations: 1, messages: 3, masked: true, digest: 'a'.repeat(64) };
      },
    });
    for (const role of ['agent', 'lead'] as const) {
      const { container, byTestId, unmount } = await openHistory(handlers, role);
      await until(() => expect(container.querySelectorAll('[data-testid="history-hit"]')).toHaveLength(1));
      act(() => (container.querySelector('[data-testid="history-hit"]') as HTMLElement).click());
      await until(() => expect(byTestId('export-conversation')).not.toBeNull());
      act(() => byTestId('export-conversation')!.click());
      await until(() => expect(document.querySelector('[data-testid="export-run"]')).not.toBeNull());
      expect(document.querySelector('[data-testid="export-unmasked"]') !== null).toBe(role === 'lead');
      act(() => (document.querySelector('[data-testid="export-run"]') as HTMLElement).click());
      await until(() => expect(document.querySelector('[data-testid="export-path"]')?.textContent).toBe('/exports/one.json'));
      expect((document.querySelector('[data-testid="verify-path"]') as HTMLInputElement).value).toBe('/exports/one.json');
      unmount();
      view = null;
    }
    expect(exports).toEqual([
      expect.objectContaining({ conversationIds: ['conv-0'], unmasked: false, format: 'html' }),
      expect.objectContaining({ conversationIds: ['conv-0'], unmasked: false, format: 'html' }),
    ]);
  });
});
