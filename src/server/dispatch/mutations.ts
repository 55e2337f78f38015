import type { MutationRegistry } from '../mutations/registry';
import type { RoutingService } from './service';

/**
 * presence.set and conversations.decline. Neither writes a row: presence and offers live in the
 * router only. Accepting an offer is conversations.accept, which routing follows after the commit.
 */
export function registerRoutingMutations(registry: MutationRegistry, routing: RoutingService): void {
  registry.register('presence.set', (ctx, args) => {
    routing.setPresence(ctx.scope.userId, args.presence, args.reason);
    return [];
  });
  registry.register('conversations.decline', (ctx, args) => {
    routing.decline(ctx.scope.userId, args.conversationId);
    return [];
  });
}
