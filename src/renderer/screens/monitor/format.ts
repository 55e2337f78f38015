/** A duration as m:ss below an hour, h:mm:ss above; "—" for none. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A rate 0…1 as a percentage with one decimal (what the alert thresholds compare with); "—" when unknown. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Sorts nulls (unknown figures) last whichever way the column is sorted by antd. */
export function byNumber<T>(value: (row: T) => number | null): (a: T, b: T) => number {
  return (a, b) => (value(a) ?? -Infinity) - (value(b) ?? -Infinity);
}
