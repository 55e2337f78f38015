// @vitest-environment happy-dom
import '../../i18n';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/domain/workstation';
import { withViewport } from '../../testing/layout';
import { mount } from '../../testing/mount';
import { MessageThread } from './MessageThread';

let view: ReturnType<typeof mount> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});
withViewport(800, 600, 72);

const names = { agent: (id: string | null) => (id === 'u_1' ? '李小满' : (id ?? '无')), queue: (id: string) => (id === 'q-account' ? '账号与安全' : id) };

function message(id: string, overrides: Partial<MessageView> = {}): MessageView {
  return { id, conversationId: 'c1', senderKind: 'customer', senderId: 'cust', kind: 'text', body: id, event: null, articleId: null, createdAt: 1, delivery: 'sent', failure: null, ...overrides };
}

function renderThread(messages: MessageView[], onRetry: (id: string) => void = () => {}) {
  view = mount(<MessageThread messages={messages} hasMore={false} names={names} onLoadOlder={() => {}} onRetry={onRetry} />);
  return view;
}

describe('message thread', () => {
  it('renders hostile customer text as the characters typed, creating no element and running nothing', () => {
    const hostile = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '<a href="javascript:alert(3)">x</a>'];
    const { all, container } = renderThread(hostile.map((body, i) => message(`m${i}`, { body })));
    expect(all('message-body').map((el) => el.textContent)).toEqual(hostile);
    expect(container.querySelector('img, script, a[href^="javascript"]')).toBeNull();
  });

  it('marks internal notes apart from replies and writes events as system lines in the reader’s language', () => {
    const { all } = renderThread([
      message('e1', { kind: 'event', senderKind: 'system', senderId: null, body: '', event: { type: 'accepted', agentId: 'u_1' } }),
      message('n1', { kind: 'note', senderKind: 'agent', senderId: 'u_1', body: '已核实身份' }),
      message('e2', { kind: 'event', senderKind: 'system', senderId: null, body: '', event: { type: 'transferred', byAgentId: 'u_1', fromAgentId: 'u_1', toAgentId: null, fromQueueId: 'q-x', toQueueId: 'q-account' } }),
    ]);
    expect(all('thread-event').map((el) => el.textContent?.split(' · ')[0])).toEqual(['李小满 接入了会话', '李小满 将会话转回队列「账号与安全」']);
    expect(all('thread-note')[0]?.textContent).toContain('内部备注');
    expect(all('thread-message')).toHaveLength(0);
  });

  it('shows the agent’s pending, sent and failed replies, and retries a failed one', () => {
    const retried: string[] = [];
    const ours = { senderKind: 'agent' as const, senderId: 'u_1' };
    const { all } = renderThread(
      [
        message('a1', { ...ours, delivery: 'sent' }),
        message('a2', { ...ours, delivery: 'pending' }),
        message('a3', { ...ours, delivery: 'failed', failure: { code: 'forbidden', message: 'not yours' } }),
      ],
      (id) => retried.push(id),
    );
    expect(all('thread-message').map((el) => el.dataset.delivery)).toEqual(['sent', 'pending', 'failed']);
    expect(all('delivery-failed')[0]?.textContent).toContain('not yours');
    act(() => all('retry-message')[0]!.click());
    expect(retried).toEqual(['a3']);
  });

  it('marks the focused message and names the date once per day', () => {
    const day = 86_400_000;
    const at = Date.UTC(2026, 10, 1, 4);
    const messages = ['a', 'b', 'c', 'd'].map((id, i) => message(id, { createdAt: at + (i < 2 ? 0 : day) + i }));
    view = mount(<MessageThread messages={messages} hasMore={false} names={names} onLoadOlder={() => {}} onRetry={() => {}} focusId="c" />);
    const focused = [...view.container.querySelectorAll<HTMLElement>('[data-focused="true"]')];
    expect(focused.map((el) => el.querySelector('[data-testid="message-body"]')?.textContent)).toEqual(['c']);
    expect(view.all('thread-day').map((el) => el.textContent)).toEqual([new Date(at).toLocaleDateString(), new Date(at + day).toLocaleDateString()]);
  });

  it('renders a window of a 10,000-message thread', () => {
    const { all } = renderThread(Array.from({ length: 10_000 }, (_, i) => message(`m${i}`)));
    expect(all('thread-message').length).toBeGreaterThan(0);
    expect(all('thread-message').length).toBeLessThan(60);
  });
});
