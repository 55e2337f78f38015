import type { MutationArgs } from '../../shared/api/mutations';
import type { MessageAttachments } from '../attachments/claims';
import { ACTIVE_STATUSES } from '../../shared/domain/conversations';
import type { ConversationLifecycle, StepContext } from '../conversations/service';
import { mustBeIn, mustHandle, visibleConversation } from '../conversations/guards';
import type { ConversationsStore } from '../conversations/store';
import { newId } from '../ids';
import { Rejection } from '../mutations/rejection';
import type { RowRef, SyncService } from '../sync/service';
import type { MessagesStore } from './store';

/** Agent replies and internal notes. Customer messages arrive through the customer side. */
export class AgentMessages {
  constructor(
    private readonly deps: {
      conversations: ConversationsStore;
      messages: MessagesStore;
      sync: SyncService;
      lifecycle: ConversationLifecycle;
      attachments: MessageAttachments;
    },
  ) {}

  /** A reply the customer sees: the conversation now waits for the customer. */
  send(ctx: StepContext & { mutationId: string }, args: MutationArgs<'messages.send'>): RowRef[] {
    const { conversations, messages } = this.deps;
    const conversation = visibleConversation(this.deps, ctx.scope, args.conversationId);
    // A mutation id seen again after its stored outcome was pruned (mutations/pruning.ts): the
    // reply exists already, so answer with it (whatever the chat's state now) instead of sending it twice.
    const earlier = messages.bySenderClientId(ctx.scope.userId, ctx.mutationId);
    if (earlier) return [{ entity: 'messages', id: earlier.id }, { entity: 'conversations', id: earlier.conversationId }];
    mustHandle(ctx.scope, conversation, 'reply in');
    mustBeIn(conversation, ACTIVE_STATUSES, 'reply in');
    const id = this.freshId(ctx.now, args.messageId);
    const attachments = this.deps.attachments.claim({ kind: 'agent', id: ctx.scope.userId }, args.attachmentIds ?? []);
    messages.insertMessage(ctx.tx, {
      id,
      conversationId: conversation.id,
      senderKind: 'agent',
      senderId: ctx.scope.userId,
      kind: 'text',
      body: args.text,
      event: null,
      articleId: null,
      createdAt: ctx.now,
      platformOnly: false,
      clientMutationId: ctx.mutationId,
      attachments,
    });
    this.deps.attachments.bind(ctx.tx, attachments, conversation.id, id);
    conversations.updateConversation(ctx.tx, conversation.id, {
      status: 'waiting_customer',
      lastAgentAt: ctx.now,
      firstResponseAt: conversation.firstResponseAt ?? ctx.now,
    });
    return [
      { entity: 'messages', id },
      { entity: 'conversations', id: conversation.id },
    ];
  }

  /** Anyone who sees the conversation may leave a note, in any status. */
  note(ctx: StepContext & { mutationId: string }, args: MutationArgs<'messages.note'>): RowRef[] {
    const conversation = visibleConversation(this.deps, ctx.scope, args.conversationId);
    const id = this.freshId(ctx.now, args.messageId);
    return [this.deps.lifecycle.note(ctx, conversation.id, args.text, id, ctx.mutationId)];
  }

  private freshId(now: number, wanted: string | undefined): string {
    if (wanted === undefined) return newId(now);
    // A retry of the same mutation never gets here (its stored outcome is returned), so an id
    // in use means another write already took it.
    if (this.deps.messages.message(wanted)) throw new Rejection('conflict', `message id ${wanted} is already used`);
    return wanted;
  }
}
