import type { EntityData, SyncedEntity } from '../../shared/api/sync';
import type { Scope } from '../scope/scope';

/** Every source's select list yields at least these. */
export interface BaseRow {
  id: string;
  seq: number;
  deleted: number;
}

/**
 * How one synced entity is read for pull and push: its table, the columns to select (over the
 * alias `t`), and the mapping from a database row to the client shape for a given caller
 * (masking happens here). Each feature folder defines its own; sync/sources.ts lists them.
 */
export interface EntitySource<E extends SyncedEntity = SyncedEntity, R extends BaseRow = BaseRow> {
  entity: E;
  table: string;
  columns: string;
  toData(row: R, scope: Scope): EntityData<E>;
}

/** Keeps each source's row type while collecting them in one list. */
export function defineSource<E extends SyncedEntity, R extends BaseRow>(source: EntitySource<E, R>): EntitySource<E, BaseRow> {
  return source as unknown as EntitySource<E, BaseRow>;
}
