import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';

/** A canned reply: shared with a team, or personal. Bodies may hold {{customer.name}}, {{order.id}}, {{agent.name}}. */
export const CannedReplySchema = z.object({
  id: IdSchema,
  scope: z.enum(['team', 'personal']),
  /** set exactly when scope is team */
  teamId: IdSchema.nullable(),
  /** set exactly when scope is personal */
  ownerId: IdSchema.nullable(),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  updatedAt: TimestampSchema,
});
export type CannedReply = z.infer<typeof CannedReplySchema>;
