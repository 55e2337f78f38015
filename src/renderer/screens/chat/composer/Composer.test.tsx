// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { settle, type FakeHandlers } from '../../../testing/fakeCore';
import { agentSession } from '../../../testing/fixtures';
import { until } from '../../../testing/until';
import { renderApp } from '../../../testing/renderApp';
import { cannedReply, summary, workstationWorld } from '../../../testing/workstationWorld';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const signedIn = { session: agentSession, sync: { state: 'online' as const, since: 1 } };

async function openChat() {
  const { world, handlers } = workstationWorld({
    mine: [summary('c1', { orderId: 'o-1001', customer: { id: 'cust-1', name: '王小明', level: 'VIP' } })],
    canned: [cannedReply('hi', '问候', '您好{{customer.name}}，我是{{agent.name}}'), cannedReply('ship', '加急', '订单{{order.id}}已加急')],
  });
  return { world, input: await composerOf(handlers) };
}

/** Renders the workstation on the fake core and waits for the open chat's composer. */
async function composerOf(handlers: FakeHandlers) {
  view = await renderApp({ state: signedIn, handlers });
  const find = () => view!.container.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]');
  await until(() => expect(find()).not.toBeNull());
  return find()!;
}

/** Types the whole value as a user would, with the caret at its end. */
async function type(input: HTMLTextAreaElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(input, value);
    input.setSelectionRange(value.length, value.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
  });
}

async function press(input: HTMLTextAreaElement, key: string, mods: KeyboardEventInit = {}) {
  await act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
    await settle();
  });
}

describe('composer', () => {
  it('sends on Enter and clears the text and the draft; Shift+Enter does not send', async () => {
    const { world, input } = await openChat();
    await type(input, '您好，请稍等');
    await press(input, 'Enter', { shiftKey: true });
    expect(world.sent).toEqual([]);
    await press(input, 'Enter');
    expect(world.sent).toEqual([{ conversationId: 'c1', text: '您好，请稍等', kind: 'text' }]);
    expect(input.value).toBe('');
    expect(world.drafts.has('c1')).toBe(false);
  });

  it('opens the canned list on "/" and inserts the pick with its variables filled', async () => {
    const { world, input } = await openChat();
    await type(input, '/ship');
    await until(() => expect(view!.byTestId('canned-picker')?.textContent).toContain('订单o-1001已加急'));
    await press(input, 'Enter');
    expect(input.value).toBe('订单o-1001已加急');
    expect(view!.byTestId('canned-picker')).toBeNull();
    expect(world.sent).toEqual([]);

    await type(input, '/');
    await press(input, 'ArrowDown');
    await press(input, 'ArrowUp');
    await press(input, 'Tab');
    expect(input.value).toBe('您好王小明，我是Agent One');
  });

  it('closes the canned list on Esc and then sends the text as typed', async () => {
    const { world, input } = await openChat();
    await type(input, '/hi');
    await press(input, 'Escape');
    expect(view!.byTestId('canned-picker')).toBeNull();
    await press(input, 'Enter');
    expect(world.sent.map((s) => s.text)).toEqual(['/hi']);
  });

  it('blocks a request for the password, and sends a warned reply only after "send anyway"', async () => {
    const { world, input } = await openChat();
    await type(input, '请提供您的登录密码');
    await press(input, 'Enter');
    expect(view!.byTestId('guard-block')?.textContent).toContain('索要密码或验证码');
    expect(view!.byTestId('guard-send-anyway')).toBeNull();
    expect(world.sent).toEqual([]);
    expect(input.value).toBe('请提供您的登录密码');

    await type(input, '回访电话 13812345678');
    await press(input, 'Enter');
    expect(view!.byTestId('guard-warn')?.textContent).toContain('手机号');
    expect(world.sent).toEqual([]);
    await act(async () => {
      view!.byTestId('guard-send-anyway')!.click();
      await settle();
    });
    expect(world.sent.map((s) => s.text)).toEqual(['回访电话 13812345678']);
  });

  it('searches the knowledge base after "#" and inserts the picked answer as plain text', async () => {
    const { world, handlers } = workstationWorld({ mine: [summary('c1')] });
    const searched: string[] = [];
    handlers['kb.search'] = ({ query }) => {
      searched.push(query);
      return [
        {
          article: { id: 'kb1', title: '退款时效', body: '## 退款时效\n退款**1到3个工作日**原路退回。', category: '交易', tags: [], keywords: [], questions: [], teamIds: [], shopId: null, updatedAt: 1 },
          snippet: '退款1到3个工作日原路退回',
          titleRanges: [],
          snippetRanges: [],
        },
      ];
    };
    const input = await composerOf(handlers);
    await type(input, '您好 #退款');
    await until(() => expect(view!.byTestId('kb-picker')?.textContent).toContain('退款时效'));
    expect(searched.at(-1)).toBe('退款');
    await press(input, 'Enter');
    expect(input.value).toBe('您好 退款时效\n退款1到3个工作日原路退回。');
    expect(world.sent).toEqual([]);
  });

  it('keeps what was typed as the conversation draft and restores it when the chat opens again', async () => {
    const first = await openChat();
    await type(first.input, '稍后回电');
    // Saved a moment after typing stops (the machine may be busy: wait up to two seconds).
    await until(() => expect(first.world.drafts.get('c1')?.text).toBe('稍后回电'));
    view!.unmount();

    const { world, handlers } = workstationWorld({ mine: [summary('c1')] });
    world.drafts.set('c1', { conversationId: 'c1', text: '上次没写完的话', updatedAt: 1 });
    const input = await composerOf(handlers);
    await until(() => expect(input.value).toBe('上次没写完的话'));
  });
});
