import type { MutationRegistry } from '../mutations/registry';
import type { CustomersService } from './service';

/** customers.tag */
export function registerCustomerMutations(registry: MutationRegistry, customers: CustomersService): void {
  registry.register('customers.tag', (ctx, args) => customers.tag(ctx, args));
}
