import type {
  CustomerMessageRequest,
  CustomerMessageResponse,
  CustomerSessionResponse,
  CustomerVisibleMessage,
} from '../../shared/api/customerChat';
import type { Conversation, Message } from '../../shared/domain/conversations';
import { bearerToken, hashSessionToken, newSessionToken } from '../accounts/tokens';
import type { MessageAttachments } from '../attachments/claims';
import type { AccessGranter } from '../conversations/access';
import { reopenPatch } from '../conversations/service';
import type { ConversationsStore, ConversationPatch } from '../conversations/store';
import type { CustomersStore } from '../customers/store';
import type { WriteTx, Writer } from '../db/writer';
import { newId } from '../ids';
import type { MessagesStore } from '../messages/store';
import { Rejection } from '../mutations/rejection';
import type { OrgReads, QueueRecord } from '../org/store';
import type { CustomerSessionsStore } from './store';

export const DEFAULT_REOPEN_WINDOW_MS = 24 * 60 * 60 * 1000;
export const CUSTOMER_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface CustomerChatDeps {
  writer: Writer;
  sessions: CustomerSessionsStore;
  customers: CustomersStore;
  conversations: ConversationsStore;
  messages: MessagesStore;
  org: OrgReads;
  access: AccessGranter;
  /** files sent with a customer's message */
  attachments: MessageAttachments;
  now: () => number;
  /** a customer message within this long after "resolved" reopens the conversation */
  reopenWindowMs?: number;
  /** the bot first line, told about each committed customer message of a conversation in status 'bot' */
  bot?: { customerWrote(conversationId: string, messageId: string): void };
}

/**
 * The customer's side of a conversation: anonymous sessions, starting or continuing a
 * conversation, reading it back (without notes). The widget and the simulator sit on it.
 */
export class CustomerChatService {
  private readonly reopenWindowMs: number;

  constructor(private readonly deps: CustomerChatDeps) {
    this.reopenWindowMs = deps.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS;
  }

  /** Resumes the session of a still-valid token, or creates an anonymous customer and a new token. */
  startSession(request: { token?: string; name?: string }): CustomerSessionResponse {
    const now = this.deps.now();
    if (request.token) {
      const session = this.deps.sessions.session(hashSessionToken(request.token));
      if (session && session.expiresAt > now) {
        return { token: request.token, customerId: session.customerId, expiresAt: session.expiresAt, resumed: true };
      }
    }
    const customerId = newId(now);
    const token = newSessionToken();
    const expiresAt = now + CUSTOMER_SESSION_TTL_MS;
    this.deps.writer.write((tx) => {
      this.deps.customers.insertCustomer(tx, {
        id: customerId,
        name: request.name ?? `访客${customerId.slice(-4)}`,
        level: 'normal',
        tags: [],
        phone: null,
        email: null,
        address: null,
        createdAt: now,
      });
      this.deps.sessions.insertSession(tx, { tokenHash: hashSessionToken(token), customerId, createdAt: now, expiresAt });
    });
    return { token, customerId, expiresAt, resumed: false };
  }

  /** The customer behind an `Authorization: Bearer` customer token, or null. */
  authenticate(header: string | string[] | undefined): string | null {
    const token = bearerToken(header);
    if (!token) return null;
    const session = this.deps.sessions.session(hashSessionToken(token));
    return session && session.expiresAt > this.deps.now() ? session.customerId : null;
  }

  /** Queues a customer may start a conversation in (the escalation queue is reached by escalating). */
  queues(): QueueRecord[] {
    return this.deps.org.queues().filter((q) => q.kind !== 'escalation');
  }

  /**
   * Appends to a conversation (reopening or replacing a finished one) or starts one; resolves
   * after the group commit that holds it (docs: a message is acknowledged only once durable).
   */
  async postMessage(customerId: string, request: CustomerMessageRequest): Promise<CustomerMessageResponse> {
    const { writer, messages, conversations } = this.deps;
    let botTurn = false;
    const response = await writer.writeGrouped((tx): CustomerMessageResponse => {
      // Stamped when it runs, so times follow seq order within a group.
      const now = this.deps.now();
      if (request.clientMessageId) {
        const earlier = messages.bySenderClientId(customerId, request.clientMessageId);
        if (earlier) return { conversationId: earlier.conversationId, message: customerView(earlier), created: false };
      }
      let conversation = this.continuable(tx, customerId, request, now);
      let created = false;
      if (!conversation) {
        conversation = this.start(tx, customerId, request, now);
        created = true;
      }
      const attachments = this.deps.attachments.claim({ kind: 'customer', id: customerId }, request.attachmentIds ?? []);
      const message: Message = {
        id: newId(now),
        conversationId: conversation.id,
        senderKind: 'customer',
        senderId: customerId,
        kind: 'text',
        body: request.text,
        event: null,
        articleId: null,
        createdAt: now,
        ...(attachments.length > 0 ? { attachments } : {}),
      };
      messages.insertMessage(tx, { ...message, platformOnly: false, clientMutationId: request.clientMessageId ?? null });
      this.deps.attachments.bind(tx, attachments, conversation.id, message.id);
      // The customer answered: the turn is the agent's again.
      const patch: ConversationPatch = { lastCustomerAt: now };
      if (conversation.status === 'waiting_customer') patch.status = 'assigned';
      conversations.updateConversation(tx, conversation.id, patch);
      botTurn = conversation.status === 'bot';
      return { conversationId: conversation.id, message: customerView(message), created };
    });
    // Only after the commit: the bot answers in a transaction of its own, never holding up this one.
    if (botTurn) this.deps.bot?.customerWrote(response.conversationId, response.message.id);
    return response;
  }

  /** The conversation as its customer sees it: text only, oldest first. */
  messagesOf(customerId: string, conversationId: string): CustomerVisibleMessage[] {
    const conversation = this.deps.conversations.conversation(conversationId);
    if (!conversation || conversation.deleted || conversation.customerId !== customerId) {
      throw new Rejection('not_found', `no conversation ${conversationId}`);
    }
    return this.deps.messages.customerVisible(conversationId).map(customerView);
  }

  /** The conversation this message belongs to, if one can take it; reopens or closes a resolved one. */
  private continuable(tx: WriteTx, customerId: string, request: CustomerMessageRequest, now: number): Conversation | null {
    const { conversations } = this.deps;
    if (!request.conversationId) return conversations.openConversationOf(customerId, request.queueId);
    const conversation = conversations.conversation(request.conversationId);
    if (!conversation || conversation.deleted || conversation.customerId !== customerId) {
      throw new Rejection('not_found', `no conversation ${request.conversationId}`);
    }
    if (conversation.status === 'closed') return null;
    if (conversation.status !== 'resolved') return conversation;
    if (now - (conversation.resolvedAt ?? 0) <= this.reopenWindowMs) {
      const patch = reopenPatch(conversation, now);
      conversations.updateConversation(tx, conversation.id, patch);
      this.deps.messages.insertMessage(tx, {
        id: newId(now),
        conversationId: conversation.id,
        senderKind: 'system',
        senderId: null,
        kind: 'event',
        body: 'conversation reopened by the customer',
        event: { type: 'reopened', by: 'customer' },
        articleId: null,
        createdAt: now,
        platformOnly: false,
        clientMutationId: null,
      });
      return { ...conversation, ...patch };
    }
    // Too late to reopen: the old one is closed for good and a new one starts.
    conversations.updateConversation(tx, conversation.id, { status: 'closed', closedAt: now });
    return null;
  }

  private start(tx: WriteTx, customerId: string, request: CustomerMessageRequest, now: number): Conversation {
    const queue = this.deps.org.queue(request.queueId);
    if (!queue || queue.deleted || queue.kind === 'escalation') throw new Rejection('not_found', `no queue ${request.queueId}`);
    if (!queue.channels.includes(request.channel)) {
      throw new Rejection('invalid_args', `queue ${queue.id} does not take the ${request.channel} channel`);
    }
    // Bot-first queues answer chats with the bot before any human (the bot engine picks them up).
    const status = queue.botFirst && request.channel === 'chat' ? 'bot' : 'queued';
    const conversation: Conversation = {
      id: newId(now),
      customerId,
      queueId: queue.id,
      shopId: queue.shopId,
      channel: request.channel,
      status,
      assigneeId: null,
      orderId: null,
      createdAt: now,
      queuedAt: status === 'queued' ? now : null,
      assignedAt: null,
      firstResponseAt: null,
      lastCustomerAt: now,
      lastAgentAt: null,
      resolvedAt: null,
      closedAt: null,
      category: null,
      csat: null,
      escalatedFromQueueId: null,
    };
    // The customer (and their orders) become visible to the queue's leads with this conversation.
    this.deps.access.grantCustomer(tx, customerId);
    this.deps.conversations.insertConversation(tx, conversation);
    this.deps.conversations.addQueueVisit(conversation.id, queue.id, now);
    return conversation;
  }
}

/** What a customer sees of a message (also what their live channel pushes). */
export function customerView(m: Message): CustomerVisibleMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    senderKind: m.senderKind,
    kind: m.kind,
    body: m.body,
    createdAt: m.createdAt,
    ...(m.attachments ? { attachments: m.attachments } : {}),
  };
}
