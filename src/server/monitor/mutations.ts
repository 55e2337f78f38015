import type { MutationRegistry } from '../mutations/registry';
import type { Interventions } from './interventions';

/** The monitor's interventions as mutations: at most once, audited, rows pushed like any other write. */
export function registerMonitorMutations(registry: MutationRegistry, interventions: Interventions): void {
  registry.register('monitor.whisper', (ctx, args) => interventions.whisper(ctx, args));
  registry.register('monitor.takeover', (ctx, args) => interventions.takeover(ctx, args));
  registry.register('monitor.reassign', (ctx, args) => interventions.reassign(ctx, args));
  registry.register('monitor.setCapacity', (ctx, args) => interventions.setCapacity(ctx, args));
  registry.register('monitor.setPresence', (ctx, args) => interventions.setPresence(ctx, args));
  registry.register('monitor.moveQueued', (ctx, args) => interventions.moveQueued(ctx, args));
}
