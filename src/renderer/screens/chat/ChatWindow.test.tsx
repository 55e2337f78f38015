// @vitest-environment happy-dom
import '../../i18n';
import { App } from 'antd';
import { act, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WindowPin } from '../../../shared/rpc/bridge';
import { ShellContext, useShell } from '../../app/shell';
import { settle } from '../../testing/fakeCore';
import { agentSession } from '../../testing/fixtures';
import { renderInShell } from '../../testing/renderInShell';
import { ChatWindow } from './ChatWindow';

let view: Awaited<ReturnType<typeof renderInShell>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

/** The shell as the Electron entry point builds it for a pop-out chat: with the platform's pin. */
function WithPin({ pin, children }: { pin: WindowPin; children: ReactNode }) {
  return <ShellContext value={{ ...useShell(), windowPin: pin }}>{children}</ShellContext>;
}

/** A shell that pins the way Electron's does: it answers what the window now is. */
function fakePin(): WindowPin & { pin: ReturnType<typeof vi.fn>; pinFromOutside(on: boolean): void } {
  let pinned = false;
  return {
    pinFromOutside: (on) => {
      pinned = on;
    },
    pin: vi.fn(async (wanted?: boolean) => {
      if (wanted !== undefined) pinned = wanted;
      return pinned;
    }),
  };
}

async function chatWindow(pin?: WindowPin) {
  const window = <ChatWindow conversationId="c_1" />;
  view = await renderInShell(<App>{pin ? <WithPin pin={pin}>{window}</WithPin> : window}</App>, { state: { session: agentSession } });
  await act(settle);
  return view;
}

const pinButton = () => view?.byTestId('pin-window') ?? null;

async function press(init: KeyboardEventInit) {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
    await settle();
  });
}

describe('the pop-out chat window pin', () => {
  it('is not there in browser mode, where the platform offers no pin', async () => {
    await chatWindow();
    expect(view?.byTestId('chat-window')).not.toBeNull();
    expect(pinButton()).toBeNull();
  });

  it('shows the shell state and toggles it by click and by Ctrl+Shift+P', async () => {
    const pin = fakePin();
    await chatWindow(pin);
    expect(pin.pin).toHaveBeenCalledWith();
    expect(pinButton()?.dataset.pinned).toBe('false');
    expect(pinButton()?.getAttribute('aria-label')).toBe('置顶此窗口');

    await act(async () => {
      pinButton()?.click();
      await settle();
    });
    expect(pin.pin).toHaveBeenLastCalledWith(true);
    expect(pinButton()?.dataset.pinned).toBe('true');
    expect(pinButton()?.getAttribute('aria-label')).toBe('取消置顶');

    await press({ key: 'P', ctrlKey: true, shiftKey: true });
    expect(pin.pin).toHaveBeenLastCalledWith(false);
    expect(pinButton()?.dataset.pinned).toBe('false');
    // Ctrl+P alone (print) is not the pin
    await press({ key: 'p', ctrlKey: true });
    expect(pin.pin).toHaveBeenCalledTimes(3);
  });

  it('catches up with a pin made outside the app when the window gets focus', async () => {
    const pin = fakePin();
    await chatWindow(pin);
    pin.pinFromOutside(true);
    expect(pinButton()?.dataset.pinned).toBe('false');
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      await settle();
    });
    expect(pinButton()?.dataset.pinned).toBe('true');
  });

  it('shows what the shell answers, not what was asked', async () => {
    const pin = { pin: vi.fn(async () => false) };
    await chatWindow(pin);
    await act(async () => {
      pinButton()?.click();
      await settle();
    });
    expect(pin.pin).toHaveBeenLastCalledWith(true);
    expect(pinButton()?.dataset.pinned).toBe('false');
  });

  it('is not there when the shell refuses to pin this window', async () => {
    await chatWindow({ pin: vi.fn(async () => null) });
    expect(pinButton()).toBeNull();
  });

  it('says so when pinning fails, keeping the last known state', async () => {
    const pin = { pin: vi.fn(async (wanted?: boolean) => (wanted === undefined ? false : Promise.reject(new Error('ipc gone')))) };
    await chatWindow(pin);
    await act(async () => {
      pinButton()?.click();
      await settle();
    });
    expect(document.body.textContent).toContain('无法置顶此窗口');
    expect(pinButton()?.dataset.pinned).toBe('false');
  });
});

describe('the pop-out shortcut sheet', () => {
  const sheet = () => document.querySelector('[data-testid="shortcut-list"]');

  it('opens on "?" with the chat’s keys, not the workstation’s, and not while typing a question mark', async () => {
    await chatWindow();
    const field = view!.container.appendChild(document.createElement('textarea'));
    await act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }));
      await settle();
    });
    expect(sheet()).toBeNull();
    field.remove();
    await press({ key: '?' });
    expect(sheet()?.textContent).toContain('Shift+Enter');
    expect(sheet()?.textContent).toContain('/');
    expect(sheet()?.textContent).not.toContain('Ctrl/⌘+K');
    expect(sheet()?.textContent).not.toContain('Ctrl/⌘+Shift+P');
  });

  it('lists the pin key where the platform can pin the window', async () => {
    await chatWindow(fakePin());
    await press({ key: '?' });
    expect(sheet()?.textContent).toContain('Ctrl/⌘+Shift+P');
    expect(sheet()?.textContent).toContain('置顶此窗口');
  });
});
