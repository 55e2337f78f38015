import type { MutationArgs } from '../../shared/api/mutations';
import type { StepContext } from '../conversations/service';
import { Rejection } from '../mutations/rejection';
import { supervises } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import type { QcStore } from './store';

/** Reviewing QC flags: a lead of the team (or an admin) confirms or dismisses each. */
export class QcReview {
  constructor(private readonly deps: { qc: QcStore; sync: SyncService }) {}

  review(ctx: StepContext, args: MutationArgs<'qc.review'>): RowRef[] {
    const { qc, sync } = this.deps;
    // A flag outside the caller's scope is not found, whatever their role: ids cannot be probed.
    if (!sync.isVisible(ctx.scope, 'qc_flags', args.flagId)) throw new Rejection('not_found', `no QC flag ${args.flagId}`);
    // Agents see the flags on their own messages but never judge them.
    if (!supervises(ctx.scope)) throw new Rejection('forbidden', 'only leads and admins review QC flags');
    qc.review(ctx.tx, args.flagId, args.verdict, ctx.scope.userId, ctx.now);
    return [{ entity: 'qc_flags', id: args.flagId }];
  }
}
