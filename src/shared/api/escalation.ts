import { z } from 'zod';
import { EscalationReasonSchema } from '../domain/conversations';
import { IdSchema, TimestampSchema } from '../domain/ids';

/*
 * The customer's "transfer to platform" (customer token, like the rest of /api/customer):
 * GET  /api/customer/conversations/:id/escalation  → EscalationStatus
 * POST /api/customer/conversations/:id/escalate    → EscalationStatus (409 while not escalatable)
 */
export const EscalationStatusSchema = z.object({
  conversationId: IdSchema,
  /** the shop missed its pickup (2 min) or reply (5 min) target in this queue stay */
  escalatable: z.boolean(),
  reason: EscalationReasonSchema.nullable(),
  since: TimestampSchema.nullable(),
  /** set once the conversation moved to the platform */
  escalatedFromQueueId: IdSchema.nullable(),
});
export type EscalationStatus = z.infer<typeof EscalationStatusSchema>;
