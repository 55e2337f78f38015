import type { MutationArgs } from '../../shared/api/mutations';
import type { ContactField } from '../../shared/domain/customers';
import type { AuditWrites } from '../audit/store';
import type { StepContext } from '../conversations/service';
import type { Writer } from '../db/writer';
import { newId } from '../ids';
import { Rejection } from '../mutations/rejection';
import { canReveal, type Scope } from '../scope/scope';
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
    const { customers, sync } = this.deps;
    const customer = customers.customer(args.customerId);
    if (!customer || customer.deleted || !sync.isVisible(ctx.scope, 'customers', args.customerId)) {
      throw new Rejection('not_found', `no customer ${args.customerId}`);
    }
    const removed = new Set(args.remove);
    const tags = [...new Set([...customer.tags, ...args.add])].filter((t) => !removed.has(t));
    if (tags.length > MAX_TAGS) throw new Rejection('conflict', `a customer has at most ${MAX_TAGS} tags`);
    customers.setTags(ctx.tx, customer.id, tags);
    return [{ entity: 'customers', id: customer.id }];
  }
}
