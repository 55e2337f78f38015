import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRpcClient } from '../../shared/rpc/client';
import type { WindowRoute } from '../../shared/windows';
import { ShellContext } from '../app/shell';
import { createAppStore } from '../state/appStore';
import { createFakeCore, settle, type FakeHandlers } from './fakeCore';
import { coreHandlers, freshCoreState } from './fixtures';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * Renders `element` inside the shell (app store, RPC client) on a fake core with plain react-dom
 * and act, and waits for its first load. One screen on its own (no App, so a test imports only
 * what that screen does); renderApp renders the whole App this way. Call `unmount` when done.
 */
export async function renderInShell(
  element: ReactNode,
  options: { state?: Partial<ReturnType<typeof freshCoreState>>; handlers?: FakeHandlers; openWindow?: (route: WindowRoute) => void } = {},
) {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  const state = { ...freshCoreState(), ...options.state };
  const core = createFakeCore({ ...coreHandlers(state), ...options.handlers });
  const rpc = createRpcClient(core.transport);
  const store = createAppStore(rpc, { linkUp: true });
  const stop = store.getState().start();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(<ShellContext value={{ store, rpc, openWindow: options.openWindow ?? (() => {}) }}>{element}</ShellContext>);
    await settle();
  });
  return {
    container,
    core,
    state,
    store,
    byTestId: (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`),
    unmount() {
      act(() => root.unmount());
      stop();
      container.remove();
    },
  };
}

/** Types into a React-controlled input the way a user would (value setter + input event). */
export function typeInto(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
