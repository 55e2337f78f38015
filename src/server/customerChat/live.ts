import type { WebSocket } from 'ws';
import type { ReadChanged, TypingChanged, CustomerConversationChanged, LiveEvent } from '../../shared/api/live';
import type { Conversation } from '../../shared/domain/conversations';
import { mustHandle, visibleConversation } from '../conversations/guards';
import type { ConversationsReads } from '../conversations/store';
import type { Commit, Writer } from '../db/writer';
import type { Notify } from '../dispatch/service';
import type { MessagesReads } from '../messages/store';
import { Rejection } from '../mutations/rejection';
import type { Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { CustomerLiveStore } from './liveStore';
import { customerView } from './service';

/** The part of a ws socket the live channel uses; tests may pass fakes. */
export type LiveSocket = Pick<WebSocket, 'send' | 'ping' | 'terminate' | 'close'>;

interface Attached {
  /** messages created before the socket opened are not pushed: the widget reads them over HTTP */
  since: number;
  alive: boolean;
}

export interface CustomerLiveDeps {
  writer: Writer;
  store: CustomerLiveStore;
  conversations: ConversationsReads;
  messages: MessagesReads;
  sync: SyncService;
  /** delivers an event to an agent's sockets */
  notify: Notify;
  now: () => number;
}

/**
 * The customer's live channel and the typing / read state between the two sides. Customers'
 * sockets receive their conversations' new messages and status after each commit (they have no
 * sync cursor: the widget loads history over HTTP and de-duplicates by id). Typing and read
 * frames of one side become events on the other side's sockets; read positions are stored.
 */
export class CustomerLive {
  private readonly sockets = new Map<string, Map<LiveSocket, Attached>>();

  constructor(private readonly deps: CustomerLiveDeps) {
    deps.writer.onCommit((commit) => this.pushCommit(commit));
  }

  /** Registers an authenticated customer socket; returns the function that forgets it. */
  attach(customerId: string, socket: LiveSocket): () => void {
    let mine = this.sockets.get(customerId);
    if (!mine) this.sockets.set(customerId, (mine = new Map()));
    mine.set(socket, { since: this.deps.now(), alive: true });
    return () => {
      mine.delete(socket);
      if (mine.size === 0 && this.sockets.get(customerId) === mine) this.sockets.delete(customerId);
    };
  }

  /** A pong or any frame from the socket. */
  heard(customerId: string, socket: LiveSocket): void {
    const attached = this.sockets.get(customerId)?.get(socket);
    if (attached) attached.alive = true;
  }

  /** One heartbeat round: a socket that did not answer the previous ping is dropped. */
  sweep(): void {
    for (const mine of this.sockets.values()) {
      for (const [socket, attached] of mine) {
        if (!attached.alive) {
          socket.terminate();
        } else {
          attached.alive = false;
          socket.ping();
        }
      }
    }
  }

  /** The status of a conversation already checked to be the customer's (messagesOf). */
  statusOf(conversationId: string): Conversation['status'] {
    const conversation = this.deps.conversations.conversation(conversationId);
    if (!conversation) throw new Rejection('not_found', `no conversation ${conversationId}`);
    return conversation.status;
  }

  /** how far the conversation's assignee has read it (the widget's ticks) */
  agentReadUpTo(conversationId: string): string | null {
    const assigneeId = this.deps.conversations.conversation(conversationId)?.assigneeId;
    return assigneeId ? this.deps.store.readUpTo(conversationId, 'agent', assigneeId) : null;
  }

  /** Runs sweep() on a timer (that does not keep the process alive); returns the function that stops it. */
  startHeartbeat(intervalMs: number): () => void {
    const timer = setInterval(() => this.sweep(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Shutdown: every customer socket is told "going away", so the widget reconnects later. */
  closeAll(code: number, reason: string): void {
    for (const mine of this.sockets.values()) for (const socket of mine.keys()) socket.close(code, reason);
  }

  // ── the customer's frames ───────────────────────────────────────────────────────────────────

  customerTyping(customerId: string, conversationId: string, typing: boolean): void {
    const conversation = this.customersConversation(customerId, conversationId);
    const payload: TypingChanged = { conversationId, who: 'customer', typing };
    if (conversation.assigneeId) this.deps.notify(conversation.assigneeId, event('typing.changed', payload));
  }

  customerRead(customerId: string, conversationId: string, messageId: string): void {
    const conversation = this.customersConversation(customerId, conversationId);
    if (!this.markRead(conversation, 'customer', customerId, messageId)) return;
    const payload: ReadChanged = { conversationId, who: 'customer', messageId };
    if (conversation.assigneeId) this.deps.notify(conversation.assigneeId, event('read.changed', payload));
  }

  // ── the agent's frames (GET /api/ws) ────────────────────────────────────────────────────────

  /** Only whoever may reply (the assignee, a lead or admin) is shown as typing to the customer. */
  agentTyping(scope: Scope, conversationId: string, typing: boolean): void {
    const conversation = visibleConversation(this.deps, scope, conversationId);
    mustHandle(scope, conversation, 'type in');
    const payload: TypingChanged = { conversationId, who: 'agent', typing };
    this.toCustomer(conversation.customerId, event('typing.changed', payload));
  }

  /** Stored for whoever reads; the customer's "read" tick follows only the agent serving them. */
  agentRead(scope: Scope, conversationId: string, messageId: string): void {
    const conversation = visibleConversation(this.deps, scope, conversationId);
    if (!this.markRead(conversation, 'agent', scope.userId, messageId)) return;
    const payload: ReadChanged = { conversationId, who: 'agent', messageId };
    if (conversation.assigneeId === scope.userId) this.toCustomer(conversation.customerId, event('read.changed', payload));
    // The agent's other workstations clear the same unread marks.
    this.deps.notify(scope.userId, event('read.changed', payload));
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private customersConversation(customerId: string, conversationId: string): Conversation {
    const conversation = this.deps.conversations.conversation(conversationId);
    if (!conversation || conversation.deleted || conversation.customerId !== customerId) {
      throw new Rejection('not_found', `no conversation ${conversationId}`);
    }
    return conversation;
  }

  /** Stores the position if the message is a visible one of the conversation; true when it moved. */
  private markRead(conversation: Conversation, readerKind: 'agent' | 'customer', readerId: string, messageId: string): boolean {
    const message = this.deps.messages.message(messageId);
    if (!message || message.conversationId !== conversation.id || message.kind !== 'text') {
      throw new Rejection('not_found', `no message ${messageId} in conversation ${conversation.id}`);
    }
    const at = this.deps.now();
    return this.deps.writer.write((tx) => this.deps.store.markRead(tx, { conversationId: conversation.id, readerKind, readerId, messageId, at }));
  }

  private pushCommit(commit: Commit): void {
    if (this.sockets.size === 0) return;
    if (commit.entities.has('messages')) {
      for (const { customerId, message } of this.deps.store.textMessagesInRange(commit.from, commit.to)) {
        const text = JSON.stringify(event('messages.changed', { message: customerView(message) }));
        // Re-stamped history (someone gained access) is not news to the customer.
        this.sendTo(customerId, text, (attached) => message.createdAt >= attached.since);
      }
    }
    if (commit.entities.has('conversations')) {
      for (const conversation of this.deps.store.conversationsInRange(commit.from, commit.to)) {
        const payload: CustomerConversationChanged = { conversationId: conversation.id, status: conversation.status };
        this.sendTo(conversation.customerId, JSON.stringify(event('conversations.changed', payload)));
      }
    }
  }

  private toCustomer(customerId: string, frame: LiveEvent): void {
    this.sendTo(customerId, JSON.stringify(frame));
  }

  private sendTo(customerId: string, text: string, wants: (attached: Attached) => boolean = () => true): void {
    const mine = this.sockets.get(customerId);
    if (!mine) return;
    for (const [socket, attached] of mine) {
      if (!wants(attached)) continue;
      try {
        socket.send(text);
      } catch {
        // A socket closing under us: the widget reconnects and reloads.
      }
    }
  }
}

function event(name: string, payload: unknown): LiveEvent {
  return { t: 'event', name, payload };
}
