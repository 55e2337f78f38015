import type { Review } from '../../shared/domain/reviews';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* Conversation reviews: one row per reviewer and conversation. */

export type ReviewInput = Pick<Review, 'conversationId' | 'reviewerId' | 'verdict' | 'ruleId' | 'note'>;

export interface ReviewsStore {
  /** the reviewer's verdict on the conversation, if any (tombstones included) */
  byReviewer(conversationId: string, reviewerId: string): { id: string } | undefined;
  /** whether any review (of anyone) holds this id */
  idTaken(id: string): boolean;
  /** a new verdict under `id`, or a replacement of the reviewer's earlier one (keeping its id); returns the row's id */
  record(tx: WriteTx, id: string, input: ReviewInput, at: number): string;
}

export function createReviewsStore(db: SqliteDatabase): ReviewsStore {
  const find = db.prepare<[string, string], { id: string }>('SELECT id FROM reviews WHERE conversation_id = ? AND reviewer_id = ?');
  const byId = db.prepare<[string], { id: string }>('SELECT id FROM reviews WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO reviews (id, conversation_id, reviewer_id, verdict, rule_id, note, created_at, updated_at, seq)
     VALUES (@id, @conversationId, @reviewerId, @verdict, @ruleId, @note, @at, @at, @seq)`,
  );
  const replace = db.prepare(
    'UPDATE reviews SET verdict = @verdict, rule_id = @ruleId, note = @note, updated_at = @at, deleted = 0, seq = @seq WHERE id = @id',
  );
  return {
    byReviewer: (conversationId, reviewerId) => find.get(conversationId, reviewerId),
    idTaken: (id) => byId.get(id) !== undefined,
    record(tx, id, input, at) {
      const existing = find.get(input.conversationId, input.reviewerId);
      const seq = tx.stamp('reviews');
      if (existing) {
        replace.run({ id: existing.id, verdict: input.verdict, ruleId: input.ruleId, note: input.note, at, seq });
        return existing.id;
      }
      insert.run({ id, ...input, at, seq });
      return id;
    },
  };
}
