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
   * One page of "rows of my scope with seq > cursor" (docs/sync-protocol.md, Pull). Each entity
   * is queried for limit + 1 rows up to one serverSeq snapshot; the merge keeps the `limit`
   * lowest seqs. Every row left out has a higher seq than every row returned, so paging by the
   * last returned seq never skips one; hasMore is exact because an entity that was cut short
   * returned limit + 1 rows.
   */
  pull(scope: Scope, cursor: number, limit: number): PullResponse {
    const serverSeq = this.reads.serverSeq();
    const merged = this.collect(scope, cursor, serverSeq, limit + 1, SYNCED_ENTITIES);
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
    return rows.sort((a, b) => a.seq - b.seq);
  }

  isVisible(scope: Scope, entity: SyncedEntity, id: string): boolean {
    return this.reads.isVisible(scope, entity, id);
  }

  private collect(scope: Scope, after: number, upTo: number, perEntity: number, entities: Iterable<SyncedEntity>): SyncRow[] {
    const rows: SyncRow[] = [];
    for (const entity of entities) {
      if (!SYNCED_ENTITIES.includes(entity)) continue;
      rows.push(...this.reads.rowsAfter(scope, entity, after, upTo, perEntity));
    }
    return rows.sort((a, b) => a.seq - b.seq);
  }
}
