import { describe, expect, it } from 'vitest';
import { fitToWorkArea, parseSavedBounds } from './windowBounds';

const AREA = { x: 0, y: 0, width: 1920, height: 1040 };
const MIN = { width: 360, height: 480 };

describe('parseSavedBounds', () => {
  it('reads saved bounds', () => {
    expect(parseSavedBounds({ x: -1800, y: 40, width: 800, height: 600, maximized: true })).toEqual({
      x: -1800,
      y: 40,
      width: 800,
      height: 600,
      maximized: true,
    });
  });

  it.each([null, 'x', [], { x: 1, y: 2, width: 0, height: 10 }, { x: 1.5, y: 2, width: 10, height: 10 }, { x: 1, y: 2, width: 1e9, height: 10 }, { x: '1', y: 2, width: 10, height: 10 }])(
    'ignores %j',
    (value) => {
      expect(parseSavedBounds(value)).toBeNull();
    },
  );
});

describe('fitToWorkArea', () => {
  it('keeps bounds that are already visible', () => {
    expect(fitToWorkArea({ x: 100, y: 100, width: 800, height: 600 }, AREA, MIN)).toEqual({ x: 100, y: 100, width: 800, height: 600 });
  });

  it('brings back a window left on a display that is gone', () => {
    expect(fitToWorkArea({ x: 4000, y: -900, width: 800, height: 600 }, AREA, MIN)).toEqual({ x: 1120, y: 0, width: 800, height: 600 });
  });

  it('shrinks a window larger than the display, but not below its minimum where it fits', () => {
    expect(fitToWorkArea({ x: 0, y: 0, width: 3000, height: 2000 }, AREA, MIN)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    expect(fitToWorkArea({ x: 0, y: 0, width: 100, height: 100 }, AREA, MIN)).toEqual({ x: 0, y: 0, width: 360, height: 480 });
  });

  it('respects a work area that does not start at 0,0 (taskbar on the left, second display)', () => {
    const area = { x: 1920, y: 48, width: 1280, height: 976 };
    expect(fitToWorkArea({ x: 0, y: 0, width: 480, height: 720 }, area, MIN)).toEqual({ x: 1920, y: 48, width: 480, height: 720 });
  });
});
