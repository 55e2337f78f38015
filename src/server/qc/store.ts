import type { QcFlag } from '../../shared/domain/qc';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* QC flags: one row per rule a message matched, reviewed by leads. */

export type NewQcFlag = Omit<QcFlag, 'status' | 'reviewedBy' | 'reviewedAt'>;

export interface QcStore {
  /** a new open flag */
  insertFlag(tx: WriteTx, flag: NewQcFlag): void;
  /** a lead's verdict; re-stamps the row so the agent and other leads receive it */
  review(tx: WriteTx, id: string, verdict: 'confirmed' | 'dismissed', reviewerId: string, at: number): void;
}

export function createQcStore(db: SqliteDatabase): QcStore {
  const insert = db.prepare(
    `INSERT INTO qc_flags (id, conversation_id, message_id, rule_id, side, severity, agent_id, excerpt, created_at, seq)
     VALUES (@id, @conversationId, @messageId, @ruleId, @side, @severity, @agentId, @excerpt, @createdAt, @seq)`,
  );
  const review = db.prepare<[string, string, number, number, string]>(
    'UPDATE qc_flags SET status = ?, reviewed_by = ?, reviewed_at = ?, seq = ? WHERE id = ?',
  );
  return {
    insertFlag: (tx, flag) => {
      insert.run({ ...flag, seq: tx.stamp('qc_flags') });
    },
    review: (tx, id, verdict, reviewerId, at) => {
      review.run(verdict, reviewerId, at, tx.stamp('qc_flags'), id);
    },
  };
}
