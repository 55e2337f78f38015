import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';
import { ChannelSchema } from './org';

/*
 * Conversations and their messages as workstations receive them.
 * Lifecycle: bot → queued → assigned ⇄ waiting_customer → resolved → closed; a customer message
 * within the reopen window brings a resolved conversation back to assigned (or queued).
 */

export const ConversationStatusSchema = z.enum(['bot', 'queued', 'assigned', 'waiting_customer', 'resolved', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** Statuses in which a conversation counts against its assignee's capacity. */
export const ACTIVE_STATUSES = ['assigned', 'waiting_customer'] as const satisfies readonly ConversationStatus[];

/** The merchant SLA rule whose breach lets the customer escalate to the platform. */
export const EscalationReasonSchema = z.enum(['no_pickup_2m', 'no_reply_5m']);
export type EscalationReason = z.infer<typeof EscalationReasonSchema>;

export const ConversationSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  queueId: IdSchema,
  /** the shop the customer talks to (merchant conversations, also after an escalation) */
  shopId: IdSchema.nullable(),
  channel: ChannelSchema,
  status: ConversationStatusSchema,
  assigneeId: IdSchema.nullable(),
  orderId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  queuedAt: TimestampSchema.nullable(),
  assignedAt: TimestampSchema.nullable(),
  firstResponseAt: TimestampSchema.nullable(),
  lastCustomerAt: TimestampSchema.nullable(),
  lastAgentAt: TimestampSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  category: z.string().nullable(),
  csat: z.number().int().min(1).max(5).nullable(),
  escalatedFromQueueId: IdSchema.nullable(),
  /**
   * Since when the customer may ask for the platform (a merchant SLA breach in this queue stay),
   * and why; null when they may not. Derived by the server from its SLA records, never written.
   */
  escalatableAt: TimestampSchema.nullable().optional(),
  escalationReason: EscalationReasonSchema.nullable().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const SenderKindSchema = z.enum(['customer', 'agent', 'bot', 'system']);
export type SenderKind = z.infer<typeof SenderKindSchema>;

/** text: the customer sees it; note: internal, agents only; event: a system line in the timeline. */
export const MessageKindSchema = z.enum(['text', 'note', 'event']);
export type MessageKind = z.infer<typeof MessageKindSchema>;

/**
 * What an event message records, for the client to render in its own language. Events from
 * imported history may carry only a text body and no structured event.
 */
export const ConversationEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), queueId: IdSchema }),
  z.object({ type: z.literal('accepted'), agentId: IdSchema }),
  z.object({
    type: z.literal('transferred'),
    byAgentId: IdSchema,
    fromAgentId: IdSchema.nullable(),
    toAgentId: IdSchema.nullable(),
    fromQueueId: IdSchema,
    toQueueId: IdSchema,
  }),
  z.object({ type: z.literal('resolved'), byAgentId: IdSchema, category: z.string() }),
  z.object({ type: z.literal('reopened'), by: z.enum(['agent', 'customer']) }),
  /** moved from a merchant queue to the platform: asked by the customer, or by the automatic policy */
  z.object({
    type: z.literal('escalated'),
    by: z.enum(['customer', 'policy']),
    reason: EscalationReasonSchema,
    fromQueueId: IdSchema,
    toQueueId: IdSchema,
  }),
]);
export type ConversationEvent = z.infer<typeof ConversationEventSchema>;

/** A file a message carries (its bytes: GET /api/attachments/:id, for those who see the conversation). */
export const AttachmentRefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  senderKind: SenderKindSchema,
  /** the agent (sender agent) or customer (sender customer); null for bot and system */
  senderId: IdSchema.nullable(),
  kind: MessageKindSchema,
  body: z.string(),
  /** structured form of an event message */
  event: ConversationEventSchema.nullable(),
  /** the KB article a bot answer came from */
  articleId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  /** files sent with the message; absent when there are none */
  attachments: z.array(AttachmentRefSchema).optional(),
});
export type Message = z.infer<typeof MessageSchema>;
