/** Saved window placement, as kept per window kind in the shell's state store. */
export interface SavedBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const LIMIT = 100_000;

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= LIMIT;
}

/** Reads what the store holds; anything hand-edited or corrupt is ignored rather than trusted. */
export function parseSavedBounds(value: unknown): SavedBounds | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isCoordinate(width) || !isCoordinate(height)) return null;
  if (width <= 0 || height <= 0) return null;
  return { x, y, width, height, maximized: maximized === true };
}

/**
 * Fits a rectangle inside a display's work area: no larger than the area (but not below the
 * window's minimum), then moved so it lies fully on screen. A window saved on a monitor that
 * has since been unplugged comes back on a visible one instead of off-screen.
 */
export function fitToWorkArea(bounds: Rect, workArea: Rect, minimum: { width: number; height: number }): Rect {
  const width = Math.max(Math.min(bounds.width, workArea.width), Math.min(minimum.width, workArea.width));
  const height = Math.max(Math.min(bounds.height, workArea.height), Math.min(minimum.height, workArea.height));
  const x = Math.min(Math.max(bounds.x, workArea.x), workArea.x + workArea.width - width);
  const y = Math.min(Math.max(bounds.y, workArea.y), workArea.y + workArea.height - height);
  return { x, y, width, height };
}
