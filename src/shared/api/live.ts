import { z } from 'zod';
import { ConversationStatusSchema } from '../domain/conversations';
import { IdSchema } from '../domain/ids';
import { CustomerVisibleMessageSchema } from './customerChat';

/*
 * Live state that is not stored as synced rows: typing and read positions, for agents (frames on
 * GET /api/ws) and customers (GET /api/customer/ws). Both sides send the same two frames; the
 * other side receives `{t:'event', name, payload}` with the names below.
 */

/** `{t:'typing'}`: the sender started (true) or stopped (false) typing in the conversation. */
export const TypingFrameSchema = z.object({ t: z.literal('typing'), conversationId: IdSchema, typing: z.boolean() }).strict();

/** `{t:'read'}`: the sender has read the conversation up to and including this message. */
export const ReadFrameSchema = z.object({ t: z.literal('read'), conversationId: IdSchema, messageId: IdSchema }).strict();

export const LiveSideSchema = z.enum(['agent', 'customer']);

/** event `typing.changed` */
export const TypingChangedSchema = z.object({ conversationId: IdSchema, who: LiveSideSchema, typing: z.boolean() });
export type TypingChanged = z.infer<typeof TypingChangedSchema>;

/** event `read.changed` */
export const ReadChangedSchema = z.object({ conversationId: IdSchema, who: LiveSideSchema, messageId: IdSchema });
export type ReadChanged = z.infer<typeof ReadChangedSchema>;

/*
 * The customer socket, GET /api/customer/ws. A browser cannot put a header on a WebSocket, and a
 * token in the URL ends up in logs, so the customer token comes in the first frame
 * `{t:'auth', token}` (or as `Authorization: Bearer` on the upgrade, for non-browser clients).
 * The server answers `{t:'hello', customerId}` and then pushes, besides typing.changed and
 * read.changed, `messages.changed` (a message the customer may see, including their own) and
 * `conversations.changed` (the conversation's status or escalation state changed).
 */
export const CustomerAuthFrameSchema = z.object({ t: z.literal('auth'), token: z.string().min(20).max(256) }).strict();

export const CustomerHelloSchema = z.object({ t: z.literal('hello'), customerId: IdSchema });

/** event `messages.changed` */
export const CustomerMessageChangedSchema = z.object({ message: CustomerVisibleMessageSchema });

/**
 * event `conversations.changed`: the conversation's row changed (status, assignee, an SLA breach
 * that lets the customer ask for the platform: GET /api/customer/conversations/:id/escalation).
 */
export const CustomerConversationChangedSchema = z.object({ conversationId: IdSchema, status: ConversationStatusSchema });
export type CustomerConversationChanged = z.infer<typeof CustomerConversationChangedSchema>;

export type LiveEvent = { t: 'event'; name: string; payload: unknown };
