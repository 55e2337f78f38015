import { afterAll, beforeAll } from 'vitest';

const SIZES = ['clientHeight', 'clientWidth', 'offsetHeight'] as const;

/**
 * happy-dom lays nothing out. Virtualized lists read their viewport from clientHeight and
 * clientWidth and measure each row's offsetHeight; this gives every element the viewport's size
 * and `rowHeight` as its own height, for the tests of the calling file.
 */
export function withViewport(width: number, height: number, rowHeight = 64): void {
  const values = { clientHeight: height, clientWidth: width, offsetHeight: rowHeight };
  const own = new Map<string, PropertyDescriptor | undefined>();
  beforeAll(() => {
    for (const name of SIZES) {
      own.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => values[name] });
    }
  });
  afterAll(() => {
    // Put back exactly what was there (happy-dom may define some of these on this prototype).
    for (const name of SIZES) {
      const before = own.get(name);
      if (before) Object.defineProperty(HTMLElement.prototype, name, before);
      else delete (HTMLElement.prototype as Partial<Record<(typeof SIZES)[number], number>>)[name];
    }
  });
}
