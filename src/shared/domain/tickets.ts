import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';

/*
 * Tickets (工单): work that outlives a chat, held by a department (a team), with a timeline of
 * comments, status changes, transfers and assignments. Follow-ups: "answer this by then", for one
 * agent, on a conversation or a ticket. These are the `data` of sync rows as workstations store them.
 */

export const TicketPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

export const TicketStatusSchema = z.enum(['pending', 'processing', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/**
 * The status machine: pending → processing → resolved → closed, and a resolved ticket may be
 * reopened (→ processing). Closed is final. Shared so a workstation only offers legal moves.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  pending: ['processing'],
  processing: ['resolved'],
  resolved: ['closed', 'processing'],
  closed: [],
};

export const TicketSchema = z.object({
  id: IdSchema,
  /** the conversation it was created from, if any */
  conversationId: IdSchema.nullable(),
  customerId: IdSchema.nullable(),
  /** the shop it concerns: merchant users only ever see their own shop's tickets */
  shopId: IdSchema.nullable(),
  /** the order of the conversation it was created from */
  orderId: IdSchema.nullable(),
  /** the team (department) holding it now */
  departmentTeamId: IdSchema,
  title: z.string(),
  description: z.string(),
  category: z.string(),
  priority: TicketPrioritySchema,
  status: TicketStatusSchema,
  assigneeId: IdSchema.nullable(),
  creatorId: IdSchema,
  dueAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketEventKindSchema = z.enum(['created', 'comment', 'status', 'transfer', 'assign', 'update']);
export type TicketEventKind = z.infer<typeof TicketEventKindSchema>;

/** What a timeline entry changed, for the client to render in its own language. */
export const TicketChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created'), conversationId: IdSchema.nullable(), departmentTeamId: IdSchema }),
  z.object({ type: z.literal('comment') }),
  z.object({ type: z.literal('status'), from: TicketStatusSchema, to: TicketStatusSchema }),
  z.object({ type: z.literal('priority'), from: TicketPrioritySchema, to: TicketPrioritySchema }),
  z.object({ type: z.literal('dueAt'), from: TimestampSchema.nullable(), to: TimestampSchema.nullable() }),
  z.object({ type: z.literal('transfer'), fromTeamId: IdSchema, toTeamId: IdSchema }),
  z.object({ type: z.literal('assign'), fromAgentId: IdSchema.nullable(), toAgentId: IdSchema.nullable() }),
]);
export type TicketChange = z.infer<typeof TicketChangeSchema>;

export const TicketEventSchema = z.object({
  id: IdSchema,
  ticketId: IdSchema,
  kind: TicketEventKindSchema,
  /** who did it; null for the system */
  actorId: IdSchema.nullable(),
  /** a comment's text, a transfer's note */
  body: z.string(),
  /** structured form; null for entries whose stored form is not understood (imported history) */
  change: TicketChangeSchema.nullable(),
  createdAt: TimestampSchema,
});
export type TicketEvent = z.infer<typeof TicketEventSchema>;

export const FollowupSchema = z.object({
  id: IdSchema,
  /** exactly one of conversationId and ticketId is set */
  conversationId: IdSchema.nullable(),
  ticketId: IdSchema.nullable(),
  /** the agent who has to follow up */
  agentId: IdSchema,
  creatorId: IdSchema,
  dueAt: TimestampSchema,
  note: z.string(),
  doneAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
});
export type Followup = z.infer<typeof FollowupSchema>;
