import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './attachments';
import { KbArticleInputSchema } from './kb';
import { QcVerdictSchema } from '../domain/qc';
import { ReviewNoteSchema, ReviewRuleIdSchema, ReviewVerdictSchema } from '../domain/reviews';
import { TicketPrioritySchema, TicketStatusSchema } from '../domain/tickets';
import { CustomerLevelSchema } from '../domain/customers';

/*
 * The mutations the server applies, name → args schema. The core builds its outbox entries from
 * these and the server validates each mutation's args against the same schema.
 */

const MessageText = z.string().max(5000).refine((s) => s.trim().length > 0, 'must not be blank');
const Tag = z.string().trim().min(1).max(32);
const Category = z.string().trim().min(1).max(64);

export const MUTATION_ARGS = {
  /** An agent's reply the customer sees. `messageId` lets the client keep its optimistic row's id. */
  'messages.send': z
    .object({
      conversationId: IdSchema,
      /** may be empty when the reply carries attachments */
      text: z.string().max(5000).default(''),
      messageId: IdSchema.optional(),
      /** files the caller uploaded (POST /api/attachments) and sends with this reply */
      attachmentIds: z.array(IdSchema).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
    })
    .strict()
    .refine((a) => a.text.trim().length > 0 || (a.attachmentIds?.length ?? 0) > 0, { message: 'must not be blank', path: ['text'] }),
  /** An internal note: never sent to the customer. */
  'messages.note': z.object({ conversationId: IdSchema, text: MessageText, messageId: IdSchema.optional() }).strict(),
  /** Take a queued conversation of a queue the caller serves. */
  'conversations.accept': z.object({ conversationId: IdSchema }).strict(),
  /** Refuse a conversation the router offered to the caller; it goes on to the next agent. */
  'conversations.decline': z.object({ conversationId: IdSchema }).strict(),
  'conversations.resolve': z.object({ conversationId: IdSchema, category: Category }).strict(),
  'conversations.reopen': z.object({ conversationId: IdSchema }).strict(),
  /** Hand over to an agent or put back into a queue, optionally with an internal note. */
  'conversations.transfer': z
    .object({
      conversationId: IdSchema,
      to: z.union([z.object({ agentId: IdSchema }).strict(), z.object({ queueId: IdSchema }).strict()]),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  'customers.tag': z
    .object({ customerId: IdSchema, add: z.array(Tag).max(20).default([]), remove: z.array(Tag).max(20).default([]) })
    .strict()
    .refine((a) => a.add.length + a.remove.length > 0, 'add or remove at least one tag'),
  /** VIP / KOC / normal: the level the badges show (platform agents, leads and admins; not merchants). */
  'customers.setLevel': z.object({ customerId: IdSchema, level: CustomerLevelSchema }).strict(),
  /** The caller's availability for routing: only online agents get offers. `reason` explains an away. */
  'presence.set': z
    .object({ presence: z.enum(['online', 'busy', 'away', 'offline']), reason: z.string().trim().min(1).max(64).optional() })
    .strict(),
  /**
   * A ticket, standalone or from a conversation the caller sees (customer, shop, order and, unless
   * given, the title come from it). `ticketId` lets the client keep its optimistic row's id.
   */
  'tickets.create': z
    .object({
      ticketId: IdSchema.optional(),
      conversationId: IdSchema.optional(),
      customerId: IdSchema.optional(),
      /** default: the caller's own (first) team */
      departmentTeamId: IdSchema.optional(),
      title: z.string().trim().min(1).max(200).optional(),
      description: z.string().max(5000).default(''),
      category: Category,
      priority: TicketPrioritySchema.default('normal'),
      dueAt: TimestampSchema.optional(),
      assigneeId: IdSchema.optional(),
    })
    .strict()
    .refine((a) => a.conversationId === undefined || a.customerId === undefined, {
      message: 'a ticket from a conversation takes its customer from it',
      path: ['customerId'],
    })
    .refine((a) => a.conversationId !== undefined || a.title !== undefined, { message: 'a standalone ticket needs a title', path: ['title'] }),
  /** Status (see TICKET_TRANSITIONS), priority and due time; each change is a timeline event. */
  'tickets.update': z
    .object({ ticketId: IdSchema, status: TicketStatusSchema.optional(), priority: TicketPrioritySchema.optional(), dueAt: TimestampSchema.nullable().optional() })
    .strict()
    .refine((a) => a.status !== undefined || a.priority !== undefined || a.dueAt !== undefined, 'change status, priority or dueAt'),
  'tickets.comment': z.object({ ticketId: IdSchema, text: MessageText, eventId: IdSchema.optional() }).strict(),
  /** To an agent of the ticket's department, or nobody (null). */
  'tickets.assign': z.object({ ticketId: IdSchema, agentId: IdSchema.nullable() }).strict(),
  /** To another department (team), with a note on the timeline; the ticket waits there unassigned. */
  'tickets.transfer': z.object({ ticketId: IdSchema, departmentTeamId: IdSchema, note: MessageText }).strict(),
  /** "Answer this by then" on exactly one conversation or ticket; for the caller unless agentId says who. */
  'followups.create': z
    .object({
      followupId: IdSchema.optional(),
      conversationId: IdSchema.optional(),
      ticketId: IdSchema.optional(),
      agentId: IdSchema.optional(),
      dueAt: TimestampSchema,
      note: z.string().max(2000).default(''),
    })
    .strict()
    .refine((a) => (a.conversationId === undefined) !== (a.ticketId === undefined), {
      message: 'give exactly one of conversationId and ticketId',
      path: ['conversationId'],
    }),
  'followups.complete': z.object({ followupId: IdSchema }).strict(),
  /** A lead's or admin's KB article, created or replaced whole (import does the same in bulk). */
  'kb.upsert': KbArticleInputSchema.extend({ id: IdSchema }).strict(),
  'kb.delete': z.object({ id: IdSchema }).strict(),
  /** A lead's (or admin's) verdict on a QC flag of their teams. */
  'qc.review': z.object({ flagId: IdSchema, verdict: QcVerdictSchema }).strict(),
  /**
   * A lead's (of the conversation's team) or admin's verdict on a whole conversation; a fail names
   * the QC rule broken. Replaces the same reviewer's earlier verdict on it (one row each).
   * `reviewId` lets the client keep its optimistic row's id for a first verdict.
   */
  'reviews.record': z
    .object({
      conversationId: IdSchema,
      verdict: ReviewVerdictSchema,
      ruleId: ReviewRuleIdSchema.nullable().default(null),
      note: ReviewNoteSchema.default(''),
      reviewId: IdSchema.optional(),
    })
    .strict()
    .refine((a) => (a.verdict === 'fail') === (a.ruleId !== null), {
      message: 'a fail names the QC rule broken, a pass names none',
      path: ['ruleId'],
    }),
  /*
   * A lead's (or admin's) interventions from the monitor, on their own teams only; each is in the
   * audit log. A whisper is an internal note the agent sees (never the customer).
   */
  'monitor.whisper': z.object({ conversationId: IdSchema, text: MessageText, messageId: IdSchema.optional() }).strict(),
  /** The lead takes the conversation over: it becomes theirs. */
  'monitor.takeover': z.object({ conversationId: IdSchema }).strict(),
  /** To another agent of the team; refused when they are at capacity unless `force`. */
  'monitor.reassign': z.object({ conversationId: IdSchema, agentId: IdSchema, force: z.boolean().default(false) }).strict(),
  'monitor.setCapacity': z.object({ agentId: IdSchema, maxConcurrent: z.number().int().min(0).max(50) }).strict(),
  'monitor.setPresence': z
    .object({ agentId: IdSchema, presence: z.enum(['online', 'busy', 'away', 'offline']), reason: z.string().trim().min(1).max(64).optional() })
    .strict(),
  /** Waiting conversations into another queue of the lead's teams (same side: platform, or the same shop). */
  'monitor.moveQueued': z.object({ conversationIds: z.array(IdSchema).min(1).max(100), toQueueId: IdSchema }).strict(),
} as const satisfies Record<string, z.ZodType>;

export type MutationName = keyof typeof MUTATION_ARGS;
export type MutationArgs<N extends MutationName> = z.infer<(typeof MUTATION_ARGS)[N]>;
