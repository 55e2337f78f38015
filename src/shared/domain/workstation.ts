import { z } from 'zod';
import type { CannedReply } from './canned';
import { ConversationStatusSchema, type Conversation, type ConversationStatus, type Message } from './conversations';
import type { Customer, CustomerLevel, Order } from './customers';
import { IdSchema, TimestampSchema } from './ids';
import type { KbArticle } from './kb';
import { ChannelSchema, type Queue } from './org';
import type { TextRange } from '../text/highlight';
import type { Counterpart, EvidenceConversation, EvidenceTicket } from '../evidence/bundle';

/*
 * What the workstation, history and monitor windows get back from the core (the results of the
 * RPC methods in rpc/contract.ts). Everything is read from the core's local cache, so it answers
 * offline too. Plain JSON only: these cross every transport.
 */

// ---------------------------------------------------------------- sync progress

/** The first sync (and every catch-up pull) as a progress bar: rows done of an estimated total. */
export interface SyncProgress {
  phase: 'idle' | 'pulling';
  /** rows applied in this pull run */
  done: number;
  /** estimated rows of this run (from the server's seq), never below `done` */
  total: number;
  /** the seq the cache is complete up to */
  cursor: number;
  /** epoch ms the cache last caught up with the server, null before the first complete sync */
  syncedAt: number | null;
}

// ---------------------------------------------------------------- queues

export interface QueueSummary extends Queue {
  /** queued conversations of this queue in the cache */
  waiting: number;
  /** when the longest-waiting of them was queued (epoch ms), null when none waits */
  longestWaitSince: number | null;
}

// ---------------------------------------------------------------- conversations

/** Which conversations a list shows: the workstation's tabs. */
export const ConversationFilterSchema = z.enum(['mine', 'waiting_customer', 'resolved_today', 'queued']);
export type ConversationFilter = z.infer<typeof ConversationFilterSchema>;

export interface CustomerBadge {
  id: string;
  name: string;
  level: CustomerLevel;
}

export interface MessagePreview {
  body: string;
  senderKind: Message['senderKind'];
  kind: Message['kind'];
  createdAt: number;
}

/** A conversation row of a list, with what the row shows next to it. SLA timestamps are the conversation's own. */
export interface ConversationSummary extends Conversation {
  /** null until the customer row has synced */
  customer: CustomerBadge | null;
  /** customer messages the user has not read in this workstation */
  unread: number;
  lastMessage: MessagePreview | null;
  /** a write of this user is waiting in the outbox for this conversation */
  pendingWrites: number;
}

// ---------------------------------------------------------------- messages

export type DeliveryState = 'pending' | 'sent' | 'failed';

/** A message as a chat window shows it: server rows are `sent`; the user's own optimistic ones are pending or failed. */
export interface MessageView extends Message {
  delivery: DeliveryState;
  /** why the server refused it (delivery failed); the user may retry */
  failure: { code: string; message: string } | null;
}

export interface MessagePage {
  /** oldest first */
  messages: MessageView[];
  /** older messages exist before the first one */
  hasMore: boolean;
}

// ---------------------------------------------------------------- writes (outbox)

/** What a write answers at once: it is stored and queued; its outcome arrives as *.changed / outbox.changed events. */
export interface QueuedWrite {
  mutationId: string;
}

export interface OutboxEntryView {
  mutationId: string;
  name: string;
  args: unknown;
  state: 'pending' | 'failed';
  attempts: number;
  createdAt: number;
  /** the last transient error (pending) or the server's rejection (failed) */
  error: { code: string; message: string } | null;
}

export interface OutboxStatus {
  pending: number;
  failed: number;
}

// ---------------------------------------------------------------- customers, KB, canned, drafts

export interface PastConversation {
  id: string;
  status: ConversationStatus;
  queueId: string;
  channel: Conversation['channel'];
  createdAt: number;
  resolvedAt: number | null;
  category: string | null;
}

/** The customer panel: the profile as synced (contact fields masked), orders and past conversations. */
export interface CustomerProfile {
  customer: Customer;
  orders: Order[];
  conversations: PastConversation[];
}

export interface KbHit {
  article: KbArticle;
  /** a short piece of the body around the first match */
  snippet: string;
  titleRanges: TextRange[];
  snippetRanges: TextRange[];
}

export interface CannedHit extends CannedReply {
  titleRanges: TextRange[];
}

export interface Draft {
  conversationId: string;
  text: string;
  updatedAt: number;
}

// ---------------------------------------------------------------- history search

export const HistorySearchArgsSchema = z
  .object({
    query: z.string().max(256),
    /** createdAt range, epoch ms, inclusive */
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
    queueId: IdSchema.optional(),
    agentId: IdSchema.optional(),
    status: ConversationStatusSchema.optional(),
    customerId: IdSchema.optional(),
    channel: ChannelSchema.optional(),
    /** the conversation's order */
    orderId: IdSchema.optional(),
    /** the shop the customer talked to (also after an escalation to the platform) */
    shopId: IdSchema.optional(),
    /** true: only conversations with a file in them; false: only those without */
    hasAttachment: z.boolean().optional(),
    /** true: only conversations with a QC flag a lead has not dismissed; false: only those without */
    qcFlagged: z.boolean().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type HistorySearchArgs = z.input<typeof HistorySearchArgsSchema>;

export interface HistoryHit {
  /** a message's text matched, or the conversation's customer name, order id or ticket title */
  kind: 'message' | 'conversation';
  conversationId: string;
  messageId: string | null;
  /** personal data masked (maskPii); ranges are offsets into the masked text */
  snippet: string;
  ranges: TextRange[];
  createdAt: number;
  customerId: string;
  /** masked for display, like the snippet */
  customerName: string | null;
  queueId: string;
  channel: Conversation['channel'];
  status: ConversationStatus;
}

export interface HistoryResult {
  hits: HistoryHit[];
  tookMs: number;
}

// ---------------------------------------------------------------- history: transcript and customer timeline

/** One conversation as the history window opens it: the record as an export would hold it, plus its messages. */
export interface HistoryTranscript {
  /** the conversation, its counterpart (platform or shop), queue name, customer and linked tickets with their timelines */
  entry: EvidenceConversation;
  /** oldest first, every kind: bot turns, notes, system events, attachments */
  messages: MessageView[];
  /** the conversation holds more messages than one transcript carries (the oldest are left out) */
  truncated: boolean;
}

/** A line of a customer's timeline: one of their conversations, or one of their tickets with its timeline. */
export type CustomerTimelineItem =
  | { kind: 'conversation'; conversation: Conversation; counterpart: Counterpart; queueName: string | null; at: number }
  | { kind: 'ticket'; ticket: EvidenceTicket['ticket']; events: EvidenceTicket['events']; at: number };

export interface CustomerTimeline {
  /** null when the customer row has not synced (their conversations may have) */
  customer: Customer | null;
  /** newest first, across channels */
  items: CustomerTimelineItem[];
}

// ---------------------------------------------------------------- offers

/** A conversation the router offers to this agent (accept or decline before expiresAt). */
export interface OfferView {
  conversationId: string;
  queueId: string;
  expiresAt: number;
  customer: unknown;
}

// ---------------------------------------------------------------- attachments

/**
 * What the composer takes, checked before a file leaves the window (the server checks the bytes
 * again): the server's default size limit and the kinds it stores.
 */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  perMessage: 10,
  mimes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'text/plain',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
} as const;

/** Files cross the RPC in pieces this big (base64 of it stays under one frame). */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;

/** A piece of an attachment's bytes, read through the core (which caches them by hash). */
export interface AttachmentChunk {
  /** the whole file's size */
  size: number;
  offset: number;
  base64: string;
}

// ---------------------------------------------------------------- events

/** Ids changed by one applied batch (a pull page, a pushed frame, an outbox ack): one event per batch. */
export interface ChangedIds {
  ids: string[];
}

export interface MessagesChanged {
  /** conversations whose messages changed */
  conversationIds: string[];
  ids: string[];
}
