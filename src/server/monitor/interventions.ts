import type { MutationArgs } from '../../shared/api/mutations';
import type { AuditWrites } from '../audit/store';
import type { ConversationLifecycle, StepContext } from '../conversations/service';
import { mustBeIn, visibleConversation } from '../conversations/guards';
import type { ConversationsReads } from '../conversations/store';
import type { RoutingService } from '../dispatch/service';
import { newId } from '../ids';
import { Rejection } from '../mutations/rejection';
import type { OrgReads } from '../org/store';
import { supervises, type Scope } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import type { SeatCapacityWrites } from './store';

export interface InterventionDeps {
  lifecycle: ConversationLifecycle;
  conversations: ConversationsReads;
  org: OrgReads;
  sync: SyncService;
  audit: AuditWrites;
  routing: RoutingService;
  seats: SeatCapacityWrites;
}

/**
 * What a lead (or admin) may do from the monitor, on their own teams' conversations and agents
 * only: anything of another team is not_found, as if it did not exist. Each step reuses the
 * lifecycle's own step (note, transfer) and is written to the audit log in the same transaction.
 */
export class Interventions {
  constructor(private readonly deps: InterventionDeps) {}

  whisper(ctx: StepContext, args: MutationArgs<'monitor.whisper'>): RowRef[] {
    const conversation = this.conversationOf(ctx.scope, args.conversationId);
    const id = args.messageId ?? newId(ctx.now);
    const note = this.deps.lifecycle.note(ctx, conversation.id, args.text, id);
    this.audit(ctx, 'monitor.whisper', `conversations/${conversation.id}`, { messageId: id, agentId: conversation.assigneeId });
    return [note];
  }

  takeover(ctx: StepContext, args: MutationArgs<'monitor.takeover'>): RowRef[] {
    const conversation = this.conversationOf(ctx.scope, args.conversationId);
    const rows = this.deps.lifecycle.transfer(ctx, { conversationId: conversation.id, to: { agentId: ctx.scope.userId } });
    this.audit(ctx, 'monitor.takeover', `conversations/${conversation.id}`, { fromAgentId: conversation.assigneeId });
    return rows;
  }

  reassign(ctx: StepContext, args: MutationArgs<'monitor.reassign'>): RowRef[] {
    const conversation = this.conversationOf(ctx.scope, args.conversationId);
    const agent = this.agentOf(ctx.scope, args.agentId);
    if (!args.force && this.deps.conversations.activeCountFor(agent.id) >= agent.maxConcurrent) {
      throw new Rejection('conflict', `the agent is at capacity (${agent.maxConcurrent}); force to assign anyway`);
    }
    const rows = this.deps.lifecycle.transfer(ctx, { conversationId: conversation.id, to: { agentId: agent.id } });
    this.audit(ctx, 'monitor.reassign', `conversations/${conversation.id}`, { fromAgentId: conversation.assigneeId, toAgentId: agent.id, force: args.force });
    return rows;
  }

  setCapacity(ctx: StepContext, args: MutationArgs<'monitor.setCapacity'>): RowRef[] {
    const agent = this.agentOf(ctx.scope, args.agentId);
    this.deps.seats.setMaxConcurrent(ctx.tx, agent.id, args.maxConcurrent);
    this.audit(ctx, 'monitor.setCapacity', `agents/${agent.id}`, { from: agent.maxConcurrent, to: args.maxConcurrent });
    // The router learns the cap now; the users row above carries it for everyone else.
    this.deps.routing.router.setCapacity(agent.id, args.maxConcurrent);
    return [{ entity: 'agents', id: agent.id }];
  }

  setPresence(ctx: StepContext, args: MutationArgs<'monitor.setPresence'>): RowRef[] {
    const agent = this.agentOf(ctx.scope, args.agentId);
    this.audit(ctx, 'monitor.setPresence', `agents/${agent.id}`, { presence: args.presence, reason: args.reason ?? null });
    this.deps.routing.setPresence(agent.id, args.presence, args.reason);
    return [];
  }

  moveQueued(ctx: StepContext, args: MutationArgs<'monitor.moveQueued'>): RowRef[] {
    this.mustSupervise(ctx.scope);
    if (!this.deps.sync.isVisible(ctx.scope, 'queues', args.toQueueId)) throw new Rejection('not_found', `no queue ${args.toQueueId}`);
    const rows: RowRef[] = [];
    for (const id of new Set(args.conversationIds)) {
      const conversation = this.conversationOf(ctx.scope, id);
      mustBeIn(conversation, ['queued'], 'move');
      rows.push(...this.deps.lifecycle.transfer(ctx, { conversationId: id, to: { queueId: args.toQueueId } }));
      this.audit(ctx, 'monitor.moveQueued', `conversations/${id}`, { fromQueueId: conversation.queueId, toQueueId: args.toQueueId });
    }
    return rows;
  }

  private mustSupervise(scope: Scope): void {
    if (!supervises(scope)) throw new Rejection('forbidden', 'only leads and admins may intervene');
  }

  private conversationOf(scope: Scope, id: string) {
    this.mustSupervise(scope);
    return visibleConversation(this.deps, scope, id);
  }

  /** An agent of the caller's teams (admins: any); anyone else is not_found. */
  private agentOf(scope: Scope, agentId: string) {
    this.mustSupervise(scope);
    const agent = this.deps.org.user(agentId);
    if (!agent || agent.deleted || agent.role !== 'agent' || !this.deps.sync.isVisible(scope, 'agents', agentId)) {
      throw new Rejection('not_found', `no agent ${agentId}`);
    }
    return agent;
  }

  private audit(ctx: StepContext, action: string, target: string, detail: Record<string, unknown>): void {
    this.deps.audit.record(ctx.tx, { id: newId(ctx.now), at: ctx.now, userId: ctx.scope.userId, action, target, detail });
  }
}
