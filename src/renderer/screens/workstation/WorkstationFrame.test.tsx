// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { settle } from '../../testing/fakeCore';
import { agentSession } from '../../testing/fixtures';
import { renderApp } from '../../testing/renderApp';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const signedIn = { session: agentSession, sync: { state: 'online' as const, since: 1 } };

describe('WorkstationFrame', () => {
  it('shows the frame with its stable selectors and no conversations', async () => {
    view = await renderApp({ state: signedIn });
    const { byTestId } = view;
    for (const id of ['workstation-frame', 'lang-switch', 'theme-toggle', 'logout', 'open-settings', 'open-history', 'empty-conversations']) {
      expect(byTestId(id), id).not.toBeNull();
    }
    expect(byTestId('connection-state')?.dataset.state).toBe('online');
    expect(byTestId('connection-state')?.textContent).toBe('在线');
    expect(byTestId('user-name')?.textContent).toBe('Agent One');
    expect(byTestId('open-monitor')).toBeNull();
  });

  it('switches every string to English through the settings when English is clicked', async () => {
    view = await renderApp({ state: signedIn });
    const { byTestId, state } = view;
    const english = [...byTestId('lang-switch')!.querySelectorAll('label')].find((l) => l.textContent === 'English');
    await act(async () => {
      english!.click();
      await settle();
    });
    expect(state.settings.language).toBe('en');
    expect(byTestId('connection-state')?.textContent).toBe('Online');
    expect(byTestId('empty-conversations')?.textContent).toContain('No conversations yet');
    expect(document.title).toBe('Seatdesk — Workstation');
  });

  it('tells the agent when the cache was started afresh, naming the kept file', async () => {
    const reset = { reason: 'key_missing' as const, movedTo: 'a1b2.unreadable-2026-11-23T18-00-00Z.sqlite', at: 1 };
    view = await renderApp({ state: signedIn, handlers: { 'cache.status': () => ({ keyCustody: 'keychain', reset }) } });
    await act(settle);
    const notice = () => document.querySelector('[data-testid="cache-reset"]');
    expect(notice()?.textContent).toContain('本机缓存已重新建立');
    expect(notice()?.textContent).toContain(reset.movedTo);
  });

  it('opens the settings and history windows through the shell', async () => {
    view = await renderApp({ state: signedIn });
    const { byTestId, opened } = view;
    act(() => byTestId('open-settings')!.click());
    act(() => byTestId('open-history')!.click());
    expect(opened).toEqual([{ kind: 'settings' }, { kind: 'history' }]);
  });
});
