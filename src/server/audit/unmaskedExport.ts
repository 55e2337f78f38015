import type { ClearContact, UnmaskedExportRequest, UnmaskedExportResponse } from '../../shared/api/exportAudit';
import type { ConversationsReads } from '../conversations/store';
import type { CustomersReads } from '../customers/store';
import type { Writer } from '../db/writer';
import { newId } from '../ids';
import { Rejection } from '../mutations/rejection';
import { canReveal, type Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { AuditWrites } from './store';

/**
 * Unmasked evidence exports go through here: the export's conversations must all be visible to a
 * lead or admin, the audit row (who, which conversations, when, the format — never the data)
 * commits first, and only then are the clear contact fields handed out. The core will not write
 * an unmasked file without this answer, so every one is on record.
 */
export class UnmaskedExports {
  constructor(
    private readonly deps: {
      writer: Writer;
      audit: AuditWrites;
      sync: SyncService;
      conversations: Pick<ConversationsReads, 'conversation'>;
      customers: Pick<CustomersReads, 'customer'>;
      now: () => number;
    },
  ) {}

  record(scope: Scope, request: UnmaskedExportRequest): UnmaskedExportResponse {
    const { writer, audit, sync, conversations, customers, now } = this.deps;
    if (!canReveal(scope)) throw new Rejection('forbidden', 'only leads and admins may export personal data unmasked');
    const conversationIds = [...new Set(request.conversationIds)];
    const customerIds = new Set<string>();
    for (const id of conversationIds) {
      const conversation = conversations.conversation(id);
      // All or nothing: one conversation outside the scope refuses the export (ids cannot be probed).
      if (!conversation || !sync.isVisible(scope, 'conversations', id)) throw new Rejection('not_found', `no conversation ${id}`);
      customerIds.add(conversation.customerId);
    }
    const at = now();
    const auditId = newId(at);
    writer.write((tx) =>
      audit.record(tx, {
        id: auditId,
        at,
        userId: scope.userId,
        action: 'history.export_unmasked',
        target: `users/${scope.userId}`,
        detail: { conversationIds, format: request.format },
      }),
    );
    const clear: ClearContact[] = [];
    for (const customerId of customerIds) {
      const customer = customers.customer(customerId);
      if (customer) clear.push({ customerId, phone: customer.phone, email: customer.email, address: customer.address });
    }
    return { auditId, at, customers: clear };
  }
}
