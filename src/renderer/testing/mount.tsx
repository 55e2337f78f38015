import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders one component (no app, no core) into the document; `unmount` removes it again. */
export function mount(element: ReactNode) {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return {
    container,
    all: (testId: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)],
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}
