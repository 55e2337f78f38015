import type { MutationRegistry } from '../mutations/registry';
import type { ConversationReviews } from './service';

export function registerReviewMutations(registry: MutationRegistry, reviews: ConversationReviews): void {
  registry.register('reviews.record', (ctx, args) => reviews.record(ctx, args));
}
