import type { MutationArgs } from '../../shared/api/mutations';
import type { SyncedEntity } from '../../shared/api/sync';
import { visibleConversation } from '../conversations/guards';
import type { ConversationsReads } from '../conversations/store';
import { newId } from '../ids';
import type { MutationContext } from '../mutations/registry';
import { Rejection } from '../mutations/rejection';
import type { ScopeResolver } from '../scope/resolver';
import { supervises, type Scope } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import { visibleTicket } from '../tickets/guards';
import type { TicketsReads } from '../tickets/store';
import type { FollowupReminders } from './reminders';
import type { FollowupsStore } from './store';

export interface FollowupDeps {
  followups: FollowupsStore;
  conversations: ConversationsReads;
  tickets: TicketsReads;
  sync: SyncService;
  scopes: ScopeResolver;
  reminders: FollowupReminders;
}

/**
 * Follow-ups: "answer this by then" on a conversation or a ticket the caller sees. Agents set
 * them for themselves; leads and admins also for an agent they see who sees the case too.
 */
export class FollowupService {
  constructor(private readonly deps: FollowupDeps) {}

  create(ctx: MutationContext, args: MutationArgs<'followups.create'>): RowRef[] {
    const { followups, reminders } = this.deps;
    const { scope, now } = ctx;
    const id = args.followupId ?? newId(now);
    if (followups.followup(id)) throw new Rejection('conflict', `follow-up ${id} already exists`);
    const target = this.target(scope, args);
    const agentId = this.agentFor(scope, args.agentId ?? scope.userId, target);
    const followup = {
      id,
      conversationId: target.entity === 'conversations' ? target.id : null,
      ticketId: target.entity === 'tickets' ? target.id : null,
      agentId,
      creatorId: scope.userId,
      dueAt: args.dueAt,
      note: args.note,
      doneAt: null,
      createdAt: now,
    };
    followups.insertFollowup(ctx.tx, followup);
    reminders.arm(followup);
    return [{ entity: 'followups', id }];
  }

  /** The agent marks it done; a lead or admin who sees it may too. */
  complete(ctx: MutationContext, args: MutationArgs<'followups.complete'>): RowRef[] {
    const { followups, sync } = this.deps;
    const followup = followups.followup(args.followupId);
    if (!followup || followup.deleted || !sync.isVisible(ctx.scope, 'followups', followup.id)) {
      throw new Rejection('not_found', `no follow-up ${args.followupId}`);
    }
    if (followup.agentId !== ctx.scope.userId && !supervises(ctx.scope)) throw new Rejection('forbidden', 'only the agent or a lead may complete this follow-up');
    if (followup.doneAt !== null) throw new Rejection('conflict', 'the follow-up is already done');
    followups.complete(ctx.tx, followup.id, ctx.now);
    return [{ entity: 'followups', id: followup.id }];
  }

  /** The conversation or ticket, which the caller must see (not_found otherwise, like any unknown id). */
  private target(scope: Scope, args: MutationArgs<'followups.create'>): { entity: SyncedEntity; id: string } {
    if (args.conversationId !== undefined) return { entity: 'conversations', id: visibleConversation(this.deps, scope, args.conversationId).id };
    if (args.ticketId !== undefined) return { entity: 'tickets', id: visibleTicket(this.deps, scope, args.ticketId).id };
    throw new Rejection('invalid_args', 'conversationId: give exactly one of conversationId and ticketId');
  }

  private agentFor(scope: Scope, agentId: string, target: { entity: SyncedEntity; id: string }): string {
    const { sync, scopes } = this.deps;
    if (agentId === scope.userId) return agentId;
    if (!supervises(scope)) throw new Rejection('forbidden', 'agents set follow-ups for themselves only');
    const agentScope = sync.isVisible(scope, 'agents', agentId) ? scopes.scopeFor(agentId) : null;
    if (!agentScope) throw new Rejection('not_found', `no agent ${agentId}`);
    if (!sync.isVisible(agentScope, target.entity, target.id)) throw new Rejection('forbidden', 'the agent cannot see that case');
    return agentId;
  }
}
