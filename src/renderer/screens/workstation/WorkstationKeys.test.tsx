// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { settle } from '../../testing/fakeCore';
import { agentSession } from '../../testing/fixtures';
import { until } from '../../testing/until';
import { renderApp } from '../../testing/renderApp';
import { summary, workstationWorld } from '../../testing/workstationWorld';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function workstation() {
  const { world, handlers } = workstationWorld({
    mine: [summary('c1', { unread: 2 }), summary('c2', { customer: { id: 'k2', name: '钱二', level: 'KOC' } }), summary('c3', { unread: 1 })],
  });
  view = await renderApp({ state: { session: agentSession, sync: { state: 'online', since: 1 } }, handlers });
  world.emit = view.core.emit;
  await act(async () => {
    await settle();
    await settle();
  });
  return view;
}

const key = async (init: KeyboardEventInit, target: EventTarget = window) => {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await settle();
  });
};
const activeChat = () => document.querySelector('[data-testid="chat-pane"]')?.getAttribute('data-conversation');
/** The chat pane reads its conversation from the core after a switch: wait for it. */
const expectActive = (id: string) => until(() => expect(activeChat()).toBe(id));

describe('workstation keyboard', () => {
  it('moves between chats with Alt+Down and Alt+Up, wrapping around', async () => {
    await workstation();
    await expectActive('c1');
    await key({ key: 'ArrowDown', altKey: true });
    await expectActive('c2');
    await key({ key: 'ArrowUp', altKey: true });
    await key({ key: 'ArrowUp', altKey: true });
    await expectActive('c3');
  });

  it('shows the unread total in the window title, with the open chat read', async () => {
    await workstation();
    // c1 is open, so it is read at once; c3's one message is what is left.
    await until(() => expect(document.title).toBe('(1) Seatdesk — 工作台'));
  });

  it('keeps the open chat unread while the window is hidden, and reads it once shown', async () => {
    const visibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    visibility('hidden');
    try {
      await workstation();
      await expectActive('c1');
      await until(() => expect(document.title).toBe('(3) Seatdesk — 工作台'));
      await act(async () => visibility('visible'));
      await until(() => expect(document.title).toBe('(1) Seatdesk — 工作台'));
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });

  it('opens the command palette on Ctrl+K and jumps to the conversation typed there', async () => {
    await workstation();
    await key({ key: 'k', ctrlKey: true });
    const input = document.querySelector<HTMLInputElement>('[data-testid="palette-input"]');
    expect(input).not.toBeNull();
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, '钱二');
      input!.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    });
    expect(document.querySelector('[data-testid="palette-item"]')?.textContent).toContain('钱二');
    await key({ key: 'Enter' }, input!);
    await expectActive('c2');
  });

  it('shows the shortcut sheet on "?" but not while typing a question mark into the composer', async () => {
    await workstation();
    await expectActive('c1');
    const composer = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]')!;
    await key({ key: '?' }, composer);
    expect(document.querySelector('[data-testid="shortcut-list"]')).toBeNull();
    await key({ key: '?' });
    expect(document.querySelector('[data-testid="shortcut-list"]')?.textContent).toContain('Ctrl/⌘+K');
  });
});
