import type { MutationRegistry } from '../mutations/registry';
import type { ConversationLifecycle } from './service';

/** conversations.accept / resolve / reopen / transfer */
export function registerConversationMutations(registry: MutationRegistry, lifecycle: ConversationLifecycle): void {
  registry.register('conversations.accept', (ctx, args) => lifecycle.accept(ctx, args));
  registry.register('conversations.resolve', (ctx, args) => lifecycle.resolve(ctx, args));
  registry.register('conversations.reopen', (ctx, args) => lifecycle.reopen(ctx, args));
  registry.register('conversations.transfer', (ctx, args) => lifecycle.transfer(ctx, args));
}
