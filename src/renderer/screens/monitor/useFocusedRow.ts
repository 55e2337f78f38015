import { useEffect } from 'react';

/** Scrolls the row an alert points at into view (tables mark their rows with data-row-key). */
export function useFocusedRow(id: string | null): void {
  useEffect(() => {
    if (!id) return;
    document.querySelector(`[data-row-key="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [id]);
}
