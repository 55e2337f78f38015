import type { Review } from '../../shared/domain/reviews';
import { defineSource, type BaseRow } from '../sync/source';

export interface ReviewRow extends BaseRow {
  conversation_id: string;
  reviewer_id: string;
  verdict: Review['verdict'];
  rule_id: string | null;
  note: string;
  created_at: number;
  updated_at: number;
}

export const REVIEW_COLUMNS = 't.id, t.seq, t.deleted, t.conversation_id, t.reviewer_id, t.verdict, t.rule_id, t.note, t.created_at, t.updated_at';

export function toReview(r: ReviewRow): Review {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    reviewerId: r.reviewer_id,
    verdict: r.verdict,
    ruleId: r.rule_id,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const reviewsSource = defineSource({
  entity: 'reviews',
  table: 'reviews',
  columns: REVIEW_COLUMNS,
  toData: (r: ReviewRow) => toReview(r),
});
