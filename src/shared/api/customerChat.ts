import { z } from 'zod';
import { ChannelSchema } from '../domain/org';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { ConversationStatusSchema, MessageSchema } from '../domain/conversations';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './attachments';

/*
 * The customer side's HTTP API (the web widget and the simulator use it). Customer tokens are
 * their own kind of credential: they never open an agent route, and agent tokens never open these.
 */

/** POST /api/customer/sessions: resume with a token the customer kept, or start anonymously. */
export const CustomerSessionRequestSchema = z
  .object({
    token: z.string().min(20).max(256).optional(),
    name: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export const CustomerSessionResponseSchema = z.object({
  token: z.string(),
  customerId: IdSchema,
  expiresAt: TimestampSchema,
  resumed: z.boolean(),
});
export type CustomerSessionResponse = z.infer<typeof CustomerSessionResponseSchema>;

/** GET /api/customer/queues: where a customer may start a conversation. */
export const CustomerQueueSchema = z.object({ id: IdSchema, name: z.string(), channels: z.array(ChannelSchema), shopId: IdSchema.nullable() });
export const CustomerQueuesResponseSchema = z.object({ queues: z.array(CustomerQueueSchema) });

/** POST /api/customer/messages */
export const CustomerMessageRequestSchema = z
  .object({
    conversationId: IdSchema.optional(),
    queueId: IdSchema,
    /** may be empty when the message carries attachments */
    text: z.string().max(5000).default(''),
    channel: ChannelSchema.default('chat'),
    /** the widget's own id for this message: a retry with the same id is answered, not duplicated */
    clientMessageId: IdSchema.optional(),
    /** files this customer uploaded (POST /api/attachments) and sends with the message */
    attachmentIds: z.array(IdSchema).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
  })
  .strict()
  .refine((m) => m.text.trim().length > 0 || (m.attachmentIds?.length ?? 0) > 0, { message: 'must not be blank', path: ['text'] });
export type CustomerMessageRequest = z.infer<typeof CustomerMessageRequestSchema>;

/** What a customer sees of a message: no notes, no internal ids of agents. */
export const CustomerVisibleMessageSchema = MessageSchema.pick({
  id: true,
  conversationId: true,
  senderKind: true,
  kind: true,
  body: true,
  createdAt: true,
  attachments: true,
});
export type CustomerVisibleMessage = z.infer<typeof CustomerVisibleMessageSchema>;

export const CustomerMessageResponseSchema = z.object({
  conversationId: IdSchema,
  message: CustomerVisibleMessageSchema,
  /** true when this message started a new conversation (or reopened none) */
  created: z.boolean(),
});
export type CustomerMessageResponse = z.infer<typeof CustomerMessageResponseSchema>;

/** GET /api/customer/conversations/:id/messages */
export const CustomerMessagesResponseSchema = z.object({
  /** where the conversation stands (live changes: conversations.changed on /api/customer/ws) */
  status: ConversationStatusSchema,
  messages: z.array(CustomerVisibleMessageSchema),
  /** the newest of them an agent has read (live updates: read.changed on /api/customer/ws) */
  agentReadUpTo: IdSchema.nullable(),
});

/** POST /api/customer/conversations/:id/rating: the customer's rating of a resolved conversation, once. */
export const CustomerRatingRequestSchema = z.object({ csat: z.number().int().min(1).max(5) }).strict();
export const CustomerRatingResponseSchema = z.object({ conversationId: IdSchema, csat: z.number().int().min(1).max(5) });
