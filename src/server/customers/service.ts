import type { MutationArgs } from '../../shared/api/mutations';
import type { ContactField } from '../../shared/domain/customers';
import type { AuditWrites } from '../audit/store';
import type { StepContext } from '../conversations/service';
import type { Writer } from '../db/writer';
import { newId } from '../ids';
import { Rejection } from '../mutations/rejection';
import { canReveal, isMerchant, type Scope } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import type { CustomersStore } from './store';

const MAX_TAGS = 30;

/** Customer reference data: tagging, and the audited reveal of a contact field. */
export class CustomersService {
  constructor(
    private readonly deps: { writer: Writer; customers: CustomersStore; audit: AuditWrites; sync: SyncService; now: () => number },
  ) {}

  /**
   * The clear value of one contact field, for a lead or admin who can see the customer. The audit
   * row commits before the value is returned: no reveal goes unrecorded.
   */
  reveal(scope: Scope, customerId: string, field: ContactField): string | null {
    if (!canReveal(scope)) throw new Rejection('forbidden', 'only leads and admins may reveal contact details');
    const customer = this.deps.customers.customer(customerId);
    if (!customer || customer.deleted || !this.deps.sync.isVisible(scope, 'customers', customerId)) {
      throw new Rejection('not_found', `no customer ${customerId}`);
    }
    const at = this.deps.now();
    this.deps.writer.write((tx) =>
      this.deps.audit.record(tx, {
        id: newId(at),
        at,
        userId: scope.userId,
        action: 'customer.reveal',
        target: `customers/${customerId}`,
        detail: { field },
      }),
    );
    return customer[field];
  }

  tag(ctx: StepContext, args: MutationArgs<'customers.tag'>): RowRef[] {
    const { customers } = this.deps;
    const customer = this.visibleCustomer(ctx.scope, args.customerId);
    const removed = new Set(args.remove);
    const tags = [...new Set([...customer.tags, ...args.add])].filter((t) => !removed.has(t));
    if (tags.length > MAX_TAGS) throw new Rejection('conflict', `a customer has at most ${MAX_TAGS} tags`);
    customers.setTags(ctx.tx, customer.id, tags);
    return [{ entity: 'customers', id: customer.id }];
  }

  /**
   * VIP / KOC / normal: the level every badge shows. The level is the platform's view of the
   * customer, shared by every shop, so platform agents, leads and admins who see the customer set
   * it; a merchant user may not (one shop must not change how the platform and other shops treat them).
   */
  setLevel(ctx: StepContext, args: MutationArgs<'customers.setLevel'>): RowRef[] {
    const customer = this.visibleCustomer(ctx.scope, args.customerId);
    if (isMerchant(ctx.scope)) throw new Rejection('forbidden', "a shop may not change a customer's platform level");
    if (customer.level !== args.level) this.deps.customers.setLevel(ctx.tx, customer.id, args.level);
    return [{ entity: 'customers', id: customer.id }];
  }

  private visibleCustomer(scope: Scope, customerId: string) {
    const customer = this.deps.customers.customer(customerId);
    if (!customer || customer.deleted || !this.deps.sync.isVisible(scope, 'customers', customerId)) {
      throw new Rejection('not_found', `no customer ${customerId}`);
    }
    return customer;
  }
}
