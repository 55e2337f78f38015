import type { MutationArgs } from '../../shared/api/mutations';
import { ACTIVE_STATUSES, type Conversation, type ConversationEvent } from '../../shared/domain/conversations';
import type { WriteTx } from '../db/writer';
import { newId } from '../ids';
import type { MessagesStore } from '../messages/store';
import { Rejection } from '../mutations/rejection';
import type { OrgReads } from '../org/store';
import { effectiveCap } from '../routing/pickAgent';
import { isMerchant, type Scope } from '../scope/scope';
import type { RowRef, SyncService } from '../sync/service';
import type { AccessGranter } from './access';
import { mustBeIn, mustHandle, visibleConversation } from './guards';
import type { ConversationsStore } from './store';

/** What a lifecycle step runs with: the open transaction, the caller and the time. */
export interface StepContext {
  tx: WriteTx;
  scope: Scope;
  now: number;
}

export interface LifecycleDeps {
  conversations: ConversationsStore;
  messages: MessagesStore;
  org: OrgReads;
  sync: SyncService;
  access: AccessGranter;
}

const TRANSFERABLE = ['queued', 'assigned', 'waiting_customer'] as const;

/**
 * The agent side of the conversation lifecycle: accept, resolve, reopen, transfer. Each step
 * checks scope and state, writes inside ctx.tx and returns the rows the caller gets back.
 * The routing engine will offer conversations and call accept; here accept is the simple check
 * "queued in a queue I serve, and I am under capacity".
 */
export class ConversationLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  accept(ctx: StepContext, args: MutationArgs<'conversations.accept'>): RowRef[] {
    const { conversations, sync } = this.deps;
    const conversation = conversations.conversation(args.conversationId);
    if (!conversation || conversation.deleted) throw new Rejection('not_found', `no conversation ${args.conversationId}`);
    // An agent cannot see a queued conversation yet: serving its queue is what entitles them.
    if (!sync.isVisible(ctx.scope, 'queues', conversation.queueId)) {
      throw new Rejection('forbidden', 'you do not serve the queue of this conversation');
    }
    if (conversation.assigneeId === ctx.scope.userId && isActive(conversation)) return [ref(conversation.id)];
    if (conversation.status !== 'queued') {
      throw new Rejection('conflict', conversation.assigneeId ? 'the conversation is already assigned to someone else' : `cannot accept a conversation that is ${conversation.status}`);
    }
    this.checkCapacity(ctx.scope.userId, conversation.queueId);
    return this.assign(ctx.tx, conversation.id, ctx.scope.userId, ctx.now);
  }

  /**
   * The assignment itself, shared by accept and the router (an auto-assign): the agent becomes
   * the assignee and sees the whole history. Callers have checked the rules.
   */
  assign(tx: WriteTx, conversationId: string, agentId: string, now: number): RowRef[] {
    const { conversations, access } = this.deps;
    access.grantConversation(tx, conversationId);
    conversations.setParticipant(conversationId, agentId, 'assignee', now);
    conversations.updateConversation(tx, conversationId, { status: 'assigned', assigneeId: agentId, assignedAt: now });
    const event = this.systemEvent(tx, now, conversationId, { type: 'accepted', agentId }, 'conversation accepted');
    return [ref(conversationId), event];
  }

  /**
   * A disconnected agent did not come back in time: their active chat goes back to its queue
   * (the router puts it at the head). Does nothing when it is no longer theirs.
   */
  requeueReleased(tx: WriteTx, conversationId: string, agentId: string, now: number): boolean {
    const { conversations } = this.deps;
    const conversation = conversations.conversation(conversationId);
    if (!conversation || conversation.deleted || conversation.assigneeId !== agentId || !isActive(conversation)) return false;
    conversations.setParticipant(conversationId, agentId, 'former', now);
    conversations.updateConversation(tx, conversationId, { status: 'queued', assigneeId: null, queuedAt: now, assignedAt: null });
    this.systemEvent(tx, now, conversationId, null, 'conversation requeued: the agent was disconnected');
    return true;
  }

  resolve(ctx: StepContext, args: MutationArgs<'conversations.resolve'>): RowRef[] {
    const conversation = visibleConversation(this.deps, ctx.scope, args.conversationId);
    mustHandle(ctx.scope, conversation, 'resolve');
    mustBeIn(conversation, ACTIVE_STATUSES, 'resolve');
    this.deps.conversations.updateConversation(ctx.tx, conversation.id, { status: 'resolved', resolvedAt: ctx.now, category: args.category });
    const event = this.event(ctx, conversation.id, { type: 'resolved', byAgentId: ctx.scope.userId, category: args.category }, 'conversation resolved');
    return [ref(conversation.id), event];
  }

  reopen(ctx: StepContext, args: MutationArgs<'conversations.reopen'>): RowRef[] {
    const conversation = visibleConversation(this.deps, ctx.scope, args.conversationId);
    mustHandle(ctx.scope, conversation, 'reopen');
    mustBeIn(conversation, ['resolved'], 'reopen');
    this.deps.conversations.updateConversation(ctx.tx, conversation.id, reopenPatch(conversation, ctx.now));
    const event = this.event(ctx, conversation.id, { type: 'reopened', by: 'agent' }, 'conversation reopened');
    return [ref(conversation.id), event];
  }

  transfer(ctx: StepContext, args: MutationArgs<'conversations.transfer'>): RowRef[] {
    const { conversations, org, sync, access } = this.deps;
    const conversation = visibleConversation(this.deps, ctx.scope, args.conversationId);
    mustHandle(ctx.scope, conversation, 'transfer');
    mustBeIn(conversation, TRANSFERABLE, 'transfer');
    const previous = conversation.assigneeId;
    let toAgentId: string | null = null;
    let toQueueId = conversation.queueId;

    if ('agentId' in args.to) {
      const target = org.user(args.to.agentId);
      if (!target || target.deleted || !sync.isVisible(ctx.scope, 'agents', target.id)) throw new Rejection('not_found', `no agent ${args.to.agentId}`);
      if (target.id === previous) throw new Rejection('conflict', 'the conversation is already assigned to this agent');
      toAgentId = target.id;
    } else {
      const queue = org.queue(args.to.queueId);
      if (!queue || queue.deleted) throw new Rejection('not_found', `no queue ${args.to.queueId}`);
      // Transfers stay on the caller's side: a shop moves chats between its own queues, the
      // platform between platform queues. Escalation to the platform is its own flow.
      const sameSide = ctx.scope.audience === 'admin' || (isMerchant(ctx.scope) ? queue.shopId === ctx.scope.shopId : queue.shopId === null);
      if (!sameSide) throw new Rejection('forbidden', 'you may not transfer into that queue');
      if (queue.id === conversation.queueId && previous === null) throw new Rejection('conflict', 'the conversation is already waiting in that queue');
      toQueueId = queue.id;
    }

    if (previous) conversations.setParticipant(conversation.id, previous, 'former', ctx.now);
    if (toAgentId) conversations.setParticipant(conversation.id, toAgentId, 'assignee', ctx.now);
    if (toQueueId !== conversation.queueId) conversations.addQueueVisit(conversation.id, toQueueId, ctx.now);
    // The new viewers (the target agent, the leads of the new queue) get the whole history.
    access.grantConversation(ctx.tx, conversation.id);
    conversations.updateConversation(
      ctx.tx,
      conversation.id,
      toAgentId
        ? { status: 'assigned', assigneeId: toAgentId, assignedAt: ctx.now }
        : { queueId: toQueueId, status: 'queued', assigneeId: null, queuedAt: ctx.now, assignedAt: null },
    );
    const refs: RowRef[] = [ref(conversation.id)];
    if (args.note !== undefined && args.note.trim() !== '') {
      refs.push(this.note(ctx, conversation.id, args.note, newId(ctx.now)));
    }
    refs.push(
      this.event(
        ctx,
        conversation.id,
        { type: 'transferred', byAgentId: ctx.scope.userId, fromAgentId: previous, toAgentId, fromQueueId: conversation.queueId, toQueueId },
        'conversation transferred',
      ),
    );
    return refs;
  }

  /** An internal note; written on the platform side it is hidden from merchant users. */
  note(ctx: StepContext, conversationId: string, text: string, messageId: string, clientMutationId: string | null = null): RowRef {
    this.deps.messages.insertMessage(ctx.tx, {
      id: messageId,
      conversationId,
      senderKind: 'agent',
      senderId: ctx.scope.userId,
      kind: 'note',
      body: text,
      event: null,
      articleId: null,
      createdAt: ctx.now,
      platformOnly: !isMerchant(ctx.scope),
      clientMutationId,
    });
    return { entity: 'messages', id: messageId };
  }

  private event(ctx: StepContext, conversationId: string, event: ConversationEvent, body: string): RowRef {
    return this.systemEvent(ctx.tx, ctx.now, conversationId, event, body);
  }

  /** A system line in the timeline; event is null for lines the shared event union has no type for yet. */
  systemEvent(tx: WriteTx, now: number, conversationId: string, event: ConversationEvent | null, body: string): RowRef {
    const id = newId(now);
    this.deps.messages.insertMessage(tx, {
      id,
      conversationId,
      senderKind: 'system',
      senderId: null,
      kind: 'event',
      body,
      event,
      articleId: null,
      createdAt: now,
      platformOnly: false,
      clientMutationId: null,
    });
    return { entity: 'messages', id };
  }

  private checkCapacity(userId: string, queueId: string): void {
    const { org, conversations } = this.deps;
    const agent = org.user(userId);
    const queueCap = org.queue(queueId)?.maxConcurrent ?? undefined;
    // The routing engine's rule: the agent's own cap, lowered (never raised) by the queue's.
    const limit = agent ? effectiveCap({ maxConcurrent: agent.maxConcurrent }, { maxConcurrentPerAgent: queueCap }) : 0;
    if (conversations.activeCountFor(userId) >= limit) {
      throw new Rejection('conflict', `at capacity: ${limit} active conversations`);
    }
  }
}

function ref(conversationId: string): RowRef {
  return { entity: 'conversations', id: conversationId };
}

function isActive(conversation: Conversation): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(conversation.status);
}

/** Back to the agent who had it, or to the queue when nobody has it any more. */
export function reopenPatch(conversation: Conversation, now: number) {
  return conversation.assigneeId
    ? { status: 'assigned' as const, resolvedAt: null }
    : { status: 'queued' as const, resolvedAt: null, queuedAt: now };
}
