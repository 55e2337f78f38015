import type { WindowRoute } from '../../shared/windows';
import { App } from '../app/App';
import type { FakeHandlers } from './fakeCore';
import type { freshCoreState } from './fixtures';
import { renderInShell } from './renderInShell';

export { typeInto } from './renderInShell';

/**
 * Renders a whole window on a fake core with plain react-dom and act, and waits for its first
 * load; `opened` collects the windows it asked the shell to open. Call `unmount` when done.
 */
export async function renderApp(options: {
  route?: WindowRoute;
  state?: Partial<ReturnType<typeof freshCoreState>>;
  handlers?: FakeHandlers;
} = {}) {
  const opened: WindowRoute[] = [];
  const view = await renderInShell(<App route={options.route ?? { kind: 'workstation' }} />, { ...options, openWindow: (route) => opened.push(route) });
  return { ...view, opened };
}
