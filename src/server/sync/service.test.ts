import { describe, expect, it } from 'vitest';
import type { SyncedEntity, SyncRow } from '../../shared/api/sync';
import { scopeFor } from '../scope/scope';
import { SyncService } from './service';
import type { SyncReads } from './store';

/*
 * How a pull page is assembled, on an in-memory history shaped like a real one: each
 * conversation row followed by its ten messages. The store is counted, not mocked away: every
 * entity answers what the SQL store would (visible rows after < seq <= upTo, in seq order,
 * at most `limit`).
 */
function history(conversations: number): { reads: SyncReads; read: Map<SyncedEntity, number> } {
  // pull() reads only these two; the rest of SyncReads serves push and scoped lookups.

  const rows: SyncRow[] = [];
  let seq = 0;
  for (let c = 0; c < conversations; c += 1) {
    rows.push({ entity: 'conversations', id: `c${c}`, seq: (seq += 1), deleted: false, data: {} as never });
    for (let m = 0; m < 10; m += 1) rows.push({ entity: 'messages', id: `m${c}-${m}`, seq: (seq += 1), deleted: false, data: {} as never });
  }
  const read = new Map<SyncedEntity, number>();
  const reads: Pick<SyncReads, 'serverSeq' | 'rowsAfter'> = {
    serverSeq: () => seq,
    rowsAfter(_scope, entity, after, upTo, limit) {
      const found = rows.filter((r) => r.entity === entity && r.seq > after && r.seq <= upTo).slice(0, limit);
      read.set(entity, (read.get(entity) ?? 0) + found.length);
      return found;
    },
  };
  return { reads: reads as SyncReads, read };
}

const lead = scopeFor({ id: 'u-lead', role: 'lead', teamKind: 'platform', shopId: null }, ['team']);

describe('SyncService.pull', () => {
  it('reads other entities only below the page’s last message, not limit + 1 of each', () => {
    const { reads, read } = history(1000); // 11,000 rows
    const page = new SyncService(reads).pull(lead, 0, 110);
    expect(page.rows).toHaveLength(110);
    expect(page.rows.map((r) => r.seq)).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
    expect(page.hasMore).toBe(true);
    // 111 messages end inside conversation 11: the conversations read are those 11 (or 12), not 111.
    expect(read.get('conversations')).toBeLessThanOrEqual(12);
  });

  it('still pages through every row once when messages are the minority', () => {
    const { reads } = history(3);
    const sync = new SyncService(reads);
    const seqs: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = sync.pull(lead, cursor, 4);
      seqs.push(...page.rows.map((r) => r.seq));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seqs).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
  });
});
