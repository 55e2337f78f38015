import type { PullResponse, SyncedEntity, SyncRow } from '../../shared/api/sync';
import type { Scope } from '../scope/scope';
import { SYNCED_ENTITIES } from './sources';
import type { SyncReads } from './store';

/** A row a change produced, before it is read back for a particular caller. */
export interface RowRef {
  entity: SyncedEntity;
  id: string;
}

/** Pull pages and the row sets push and mutation answers are made of. */
export class SyncService {
  constructor(private readonly reads: SyncReads) {}

  serverSeq(): number {
    return this.reads.serverSeq();
  }

  /**
   * One page of "rows of my scope with seq > cursor" (docs/sync-protocol.md, Pull). Entities are
   * queried in turn for up to limit + 1 rows below one serverSeq snapshot, keeping the limit + 1
   * lowest seqs seen so far; once that many are held, later entities are read only below the
   * highest of them, so a page reads little more than it returns. Every row left out has a higher
   * seq than every row returned, so paging by the last returned seq never skips one; hasMore is
   * exact because more than `limit` rows were found exactly when there are more.
   */
  pull(scope: Scope, cursor: number, limit: number): PullResponse {
    const serverSeq = this.reads.serverSeq();
    const merged = this.collect(scope, cursor, serverSeq, limit + 1, PAGE_ORDER);
    const hasMore = merged.length > limit;
    const rows = hasMore ? merged.slice(0, limit) : merged;
    // When complete, the caller is up to date to serverSeq even if the last rows were not theirs:
    // the next pull need not scan that range again.
    const next = hasMore ? (rows[rows.length - 1]?.seq ?? cursor) : Math.max(cursor, serverSeq);
    return { rows, cursor: next, hasMore, serverSeq };
  }

  /** All rows visible to `scope` with after < seq <= upTo (one commit's range, for push). */
  rowsInRange(scope: Scope, after: number, upTo: number, entities: Iterable<SyncedEntity> = SYNCED_ENTITIES): SyncRow[] {
    return this.collect(scope, after, upTo, Math.max(1, upTo - after), entities);
  }

  /** The current state of these rows as `scope` sees them; invisible ones are left out. */
  rowsFor(scope: Scope, refs: readonly RowRef[]): SyncRow[] {
    const byEntity = new Map<SyncedEntity, string[]>();
    for (const ref of refs) {
      const ids = byEntity.get(ref.entity) ?? [];
      if (!ids.includes(ref.id)) ids.push(ref.id);
      byEntity.set(ref.entity, ids);
    }
    const rows: SyncRow[] = [];
    for (const [entity, ids] of byEntity) rows.push(...this.reads.rowsByIds(scope, entity, ids));
    return rows.sort(bySeq);
  }

  /** Per user taking part in them, the messages and conversations of a range their conversations hold (push). */
  participantRowsInRange(after: number, upTo: number): Map<string, RowRef[]> {
    return this.reads.participantRowsInRange(after, upTo);
  }

  isVisible(scope: Scope, entity: SyncedEntity, id: string): boolean {
    return this.reads.isVisible(scope, entity, id);
  }

  /** The `keep` lowest-seq visible rows with after < seq <= upTo, in seq order. */
  private collect(scope: Scope, after: number, upTo: number, keep: number, entities: Iterable<SyncedEntity>): SyncRow[] {
    let rows: SyncRow[] = [];
    let bound = upTo;
    for (const entity of entities) {
      if (!SYNCED_ENTITIES.includes(entity)) continue;
      rows.push(...this.reads.rowsAfter(scope, entity, after, bound, keep));
      if (rows.length >= keep) {
        rows = rows.sort(bySeq).slice(0, keep);
        bound = rows[keep - 1]!.seq;
      }
    }
    return rows.sort(bySeq);
  }
}

const bySeq = (a: SyncRow, b: SyncRow): number => a.seq - b.seq;

/**
 * The order a pull page reads entities in. An entity is read up to limit + 1 rows below the bound
 * the entities before it set, and the bound only drops once that many rows are held, so the first
 * entity read decides how much the others read. Messages are most of any history: read first,
 * they set the bound at once. Read after conversations (whose rows also carry the escalation
 * subqueries), a lead's page read up to 5,001 conversations to keep the ~450 below its last
 * message: half the server's time of a pull (docs/benchmarks.md, Pull throughput).
 */
const PAGE_ORDER: readonly SyncedEntity[] = ['messages', ...SYNCED_ENTITIES.filter((entity) => entity !== 'messages')];
