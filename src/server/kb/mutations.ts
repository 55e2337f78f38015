import type { MutationRegistry } from '../mutations/registry';
import type { KbService } from './service';

/** kb.upsert, kb.delete */
export function registerKbMutations(registry: MutationRegistry, kb: KbService): void {
  registry.register('kb.upsert', (ctx, args) => [{ entity: 'kb', id: kb.upsert(ctx.tx, ctx.scope, args) }]);
  registry.register('kb.delete', (ctx, args) => {
    kb.delete(ctx.tx, ctx.scope, args.id);
    return [{ entity: 'kb', id: args.id }];
  });
}
