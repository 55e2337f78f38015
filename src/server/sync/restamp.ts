import type { SyncedEntity } from '../../shared/api/sync';
import type { SqliteDatabase, Statement } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { ENTITY_SOURCES } from './sources';

/**
 * Gives existing rows fresh seq numbers without changing them, so a user who just gained access
 * receives them with their next pull ("seq > cursor") and through push. Each row gets its own
 * number, in the order given: seqs stay unique, which keeps cursor paging exact.
 */
export interface Restamper {
  restamp(tx: WriteTx, entity: SyncedEntity, ids: readonly string[]): void;
  /** Deletes as the protocol does: a tombstone (deleted = 1) with a fresh seq, never a DELETE. */
  tombstone(tx: WriteTx, entity: SyncedEntity, id: string): void;
}

export function createRestamper(db: SqliteDatabase): Restamper {
  const statements = new Map<SyncedEntity, Statement<[number, string]>>();
  const tombstones = new Map<SyncedEntity, Statement<[number, string]>>();
  return {
    tombstone(tx, entity, id) {
      let stmt = tombstones.get(entity);
      if (!stmt) {
        stmt = db.prepare<[number, string]>(`UPDATE ${ENTITY_SOURCES[entity].table} SET deleted = 1, seq = ? WHERE id = ?`);
        tombstones.set(entity, stmt);
      }
      stmt.run(tx.stamp(entity), id);
    },
    restamp(tx, entity, ids) {
      let stmt = statements.get(entity);
      if (!stmt) {
        stmt = db.prepare<[number, string]>(`UPDATE ${ENTITY_SOURCES[entity].table} SET seq = ? WHERE id = ?`);
        statements.set(entity, stmt);
      }
      for (const id of ids) stmt.run(tx.stamp(entity), id);
    },
  };
}
