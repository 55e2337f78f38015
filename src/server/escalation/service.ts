import type { EscalationStatus } from '../../shared/api/escalation';
import type { EscalationReason } from '../../shared/domain/conversations';
import type { AccessGranter } from '../conversations/access';
import type { ConversationLifecycle } from '../conversations/service';
import type { ConversationRecord, ConversationsStore } from '../conversations/store';
import type { WriteTx, Writer } from '../db/writer';
import { Rejection } from '../mutations/rejection';
import type { OrgReads } from '../org/store';

export interface EscalationDeps {
  writer: Writer;
  conversations: ConversationsStore;
  org: OrgReads;
  access: AccessGranter;
  lifecycle: ConversationLifecycle;
  now: () => number;
}

/**
 * Merchant → platform escalation (ARCHITECTURE §1): once the shop missed its pickup or reply
 * target (sla/escalatable.ts), the customer may move the chat to the platform's escalation queue,
 * or the automatic policy does it for them. The conversation keeps its shop and its history; the
 * merchant agent who held it becomes a former participant (they keep their copy, and never
 * receive platform notes); the escalation queue's agents and leads get the whole history.
 */
export class EscalationService {
  constructor(private readonly deps: EscalationDeps) {}

  /** What the customer's widget shows: may they ask for the platform now, and why. */
  statusFor(customerId: string, conversationId: string): EscalationStatus {
    const conversation = this.customersConversation(customerId, conversationId);
    return {
      conversationId: conversation.id,
      escalatable: conversation.escalatableAt != null,
      reason: conversation.escalationReason ?? null,
      since: conversation.escalatableAt ?? null,
      escalatedFromQueueId: conversation.escalatedFromQueueId,
    };
  }

  /** The customer's "transfer to platform"; refused (409) until a merchant breach allows it. */
  requestByCustomer(customerId: string, conversationId: string): EscalationStatus {
    this.deps.writer.write((tx) => {
      const conversation = this.customersConversation(customerId, conversationId);
      if (conversation.escalatableAt == null || conversation.escalationReason == null) {
        throw new Rejection('conflict', 'the shop is still within its response times: the conversation cannot be escalated now');
      }
      this.move(tx, conversation, 'customer', conversation.escalationReason);
    });
    return this.statusFor(customerId, conversationId);
  }

  /** The automatic policy (SLA timers): moves it if it is still an open merchant chat. */
  escalateByPolicy(tx: WriteTx, conversationId: string, reason: EscalationReason): void {
    const conversation = this.deps.conversations.conversation(conversationId);
    if (!conversation || conversation.deleted || conversation.escalatableAt == null) return;
    this.move(tx, conversation, 'policy', reason);
  }

  private customersConversation(customerId: string, conversationId: string): ConversationRecord {
    const conversation = this.deps.conversations.conversation(conversationId);
    if (!conversation || conversation.deleted || conversation.customerId !== customerId) {
      throw new Rejection('not_found', `no conversation ${conversationId}`);
    }
    return conversation;
  }

  private move(tx: WriteTx, conversation: ConversationRecord, by: 'customer' | 'policy', reason: EscalationReason): void {
    const { conversations, access, lifecycle } = this.deps;
    const now = this.deps.now();
    const target = this.targetQueue();
    if (conversation.assigneeId) conversations.setParticipant(conversation.id, conversation.assigneeId, 'former', now);
    conversations.addQueueVisit(conversation.id, target, now);
    // The escalation queue's agents and leads now see it: they get the whole history.
    access.grantConversation(tx, conversation.id);
    conversations.updateConversation(tx, conversation.id, {
      queueId: target,
      status: 'queued',
      assigneeId: null,
      queuedAt: now,
      assignedAt: null,
      escalatedFromQueueId: conversation.queueId,
    });
    lifecycle.systemEvent(
      tx,
      now,
      conversation.id,
      { type: 'escalated', by, reason, fromQueueId: conversation.queueId, toQueueId: target },
      by === 'customer' ? 'the customer asked for the platform: conversation escalated' : 'conversation escalated to the platform automatically',
    );
  }

  /** The platform's escalation queue (the demo org has one, 升级处理); the first if there are several. */
  private targetQueue(): string {
    const queue = this.deps.org.queues().find((q) => q.kind === 'escalation');
    if (!queue) throw new Rejection('conflict', 'the platform has no escalation queue');
    return queue.id;
  }
}
