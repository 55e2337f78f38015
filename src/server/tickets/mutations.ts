import type { MutationRegistry } from '../mutations/registry';
import type { TicketService } from './service';

/** tickets.create / update / comment / assign / transfer */
export function registerTicketMutations(registry: MutationRegistry, tickets: TicketService): void {
  registry.register('tickets.create', (ctx, args) => tickets.create(ctx, args));
  registry.register('tickets.update', (ctx, args) => tickets.update(ctx, args));
  registry.register('tickets.comment', (ctx, args) => tickets.comment(ctx, args));
  registry.register('tickets.assign', (ctx, args) => tickets.assign(ctx, args));
  registry.register('tickets.transfer', (ctx, args) => tickets.transfer(ctx, args));
}
