import type { MutationRegistry } from '../mutations/registry';
import type { AgentMessages } from './service';

/** messages.send / messages.note */
export function registerMessageMutations(registry: MutationRegistry, messages: AgentMessages): void {
  registry.register('messages.send', (ctx, args) => messages.send(ctx, args));
  registry.register('messages.note', (ctx, args) => messages.note(ctx, args));
}
