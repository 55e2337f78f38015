import type { CannedReply } from '../../shared/domain/canned';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* Canned replies. CRUD routes come with the canned-replies feature. */

export interface CannedWrites {
  insertReply(tx: WriteTx, reply: CannedReply): void;
}

export function createCannedStore(db: SqliteDatabase): CannedWrites {
  const insert = db.prepare(
    `INSERT INTO canned_replies (id, scope, team_id, owner_id, shortcut, title, body, updated_at, seq)
     VALUES (@id, @scope, @teamId, @ownerId, @shortcut, @title, @body, @updatedAt, @seq)`,
  );
  return {
    insertReply: (tx, r) => {
      insert.run({ ...r, seq: tx.stamp('canned') });
    },
  };
}
