import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';

/*
 * Quality-check flags: a keyword rule (shared/text evaluateQc) matched a customer or agent
 * message as it arrived. Leads review them; KPIs count the confirmed ones.
 */

/**
 * How serious the hit is, from the rule's severity: info → info, warning → warn, critical → block
 * (the rule forbids the words outright: asking for a password, leaking internal data).
 */
export const QcFlagSeveritySchema = z.enum(['info', 'warn', 'block']);
export type QcFlagSeverity = z.infer<typeof QcFlagSeveritySchema>;

export const QcFlagStatusSchema = z.enum(['open', 'confirmed', 'dismissed']);
export type QcFlagStatus = z.infer<typeof QcFlagStatusSchema>;

/** A lead's verdict on an open flag. */
export const QcVerdictSchema = z.enum(['confirmed', 'dismissed']);

export const QcFlagSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  messageId: IdSchema,
  /** the rule that matched (DEFAULT_QC_RULES ids such as customer.fraud, agent.ask_secret) */
  ruleId: z.string(),
  side: z.enum(['customer', 'agent']),
  severity: QcFlagSeveritySchema,
  /** the agent who wrote the message (agent side); null on the customer side */
  agentId: IdSchema.nullable(),
  /** the matched words with a little context, personal data masked */
  excerpt: z.string(),
  status: QcFlagStatusSchema,
  reviewedBy: IdSchema.nullable(),
  reviewedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
});
export type QcFlag = z.infer<typeof QcFlagSchema>;
