import type { MutationRegistry } from '../mutations/registry';
import type { FollowupService } from './service';

/** followups.create / complete */
export function registerFollowupMutations(registry: MutationRegistry, followups: FollowupService): void {
  registry.register('followups.create', (ctx, args) => followups.create(ctx, args));
  registry.register('followups.complete', (ctx, args) => followups.complete(ctx, args));
}
