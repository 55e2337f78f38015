import type { MutationRegistry } from '../mutations/registry';
import type { QcReview } from './service';

export function registerQcMutations(registry: MutationRegistry, review: QcReview): void {
  registry.register('qc.review', (ctx, args) => review.review(ctx, args));
}
