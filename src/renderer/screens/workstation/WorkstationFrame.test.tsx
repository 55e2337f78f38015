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

  it('opens the settings and history windows through the shell', async () => {
    view = await renderApp({ state: signedIn });
    const { byTestId, opened } = view;
    act(() => byTestId('open-settings')!.click());
    act(() => byTestId('open-history')!.click());
    expect(opened).toEqual([{ kind: 'settings' }, { kind: 'history' }]);
  });
});
