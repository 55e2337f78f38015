import type { MutationArgs } from '../../shared/api/mutations';
import type { StepContext } from '../conversations/service';
import { newId } from '../ids';
import { Rejection } from '../mutations/rejection';
import { supervises } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import type { ReviewsStore } from './store';

/** Conversation verdicts: a lead who sees the conversation (through their teams) or an admin records pass or fail. */
export class ConversationReviews {
  constructor(private readonly deps: { reviews: ReviewsStore; sync: SyncService }) {}

  record(ctx: StepContext, args: MutationArgs<'reviews.record'>): RowRef[] {
    const { reviews, sync } = this.deps;
    // Outside the scope is not found whatever the role: ids cannot be probed.
    if (!sync.isVisible(ctx.scope, 'conversations', args.conversationId)) {
      throw new Rejection('not_found', `no conversation ${args.conversationId}`);
    }
    if (!supervises(ctx.scope)) throw new Rejection('forbidden', 'only leads and admins review conversations');
    // A client-chosen id for a first verdict must be new (a replacement keeps the stored row's id).
    if (args.reviewId && !reviews.byReviewer(args.conversationId, ctx.scope.userId) && reviews.idTaken(args.reviewId)) {
      throw new Rejection('conflict', `review id ${args.reviewId} is taken`);
    }
    const id = reviews.record(
      ctx.tx,
      args.reviewId ?? newId(ctx.now),
      { conversationId: args.conversationId, reviewerId: ctx.scope.userId, verdict: args.verdict, ruleId: args.ruleId, note: args.note },
      ctx.now,
    );
    return [{ entity: 'reviews', id }];
  }
}
