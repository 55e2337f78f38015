/** The order of the server's rows: by name for Chinese readers (one collator: `localeCompare` with a locale builds one per call). */
const collator = new Intl.Collator('zh-CN');

export const byName = (a: { name: string }, b: { name: string }): number => collator.compare(a.name, b.name);

/**
 * Rows in the order the tables show them unsorted: by name in pinyin order, then by id. Not the
 * server's order, which is SQLite's (by code point: 张 before 李), so a snapshot is put in this
 * order too; otherwise a delta changing rows in place would keep the server's order and the first
 * one adding a row would reorder the whole table.
 */
export function inNameOrder<T extends { name: string }>(rows: readonly T[], id: (row: T) => string): T[] {
  return [...rows].sort((a, b) => byName(a, b) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

/**
 * Rows replaced by id where changed, new ones added, removed ones dropped; kept in name order
 * (inNameOrder). An unchanged row keeps its object (the tables redraw only the cells of changed
 * rows), and a delta that adds, removes or renames nothing replaces rows in place without sorting
 * again: a busy centre sends two a second, each touching a few of 1,000 agents.
 */
export function mergeRows<T extends { name: string }>(current: T[], changed: readonly T[], removed: readonly string[], id: (row: T) => string): T[] {
  if (changed.length === 0 && removed.length === 0) return current;
  if (removed.length === 0) {
    const next = [...current];
    const at = positions(current, changed, id);
    if (changed.every((row) => at.has(id(row)) && current[at.get(id(row))!]!.name === row.name)) {
      for (const row of changed) next[at.get(id(row))!] = row;
      return next;
    }
  }
  const byId = new Map(current.map((row) => [id(row), row]));
  for (const row of changed) byId.set(id(row), row);
  for (const gone of removed) byId.delete(gone);
  return inNameOrder([...byId.values()], id);
}

/** Where the changed rows are now: one pass over the current rows, no index kept between deltas. */
function positions<T>(current: readonly T[], changed: readonly T[], id: (row: T) => string): Map<string, number> {
  const wanted = new Set(changed.map(id));
  const at = new Map<string, number>();
  for (let i = 0; i < current.length && at.size < wanted.size; i += 1) {
    const key = id(current[i]!);
    if (wanted.has(key)) at.set(key, i);
  }
  return at;
}
