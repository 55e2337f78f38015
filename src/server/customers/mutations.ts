import type { MutationRegistry } from '../mutations/registry';
import type { CustomersService } from './service';

/** customers.tag, customers.setLevel */
export function registerCustomerMutations(registry: MutationRegistry, customers: CustomersService): void {
  registry.register('customers.tag', (ctx, args) => customers.tag(ctx, args));
  registry.register('customers.setLevel', (ctx, args) => customers.setLevel(ctx, args));
}
