import { z } from 'zod';
import { IdSchema } from './ids';
import { RoleSchema, TeamKindSchema } from './session';

/*
 * Client shapes of the organisation: shops, teams (departments), queues and the agent directory.
 * These are the `data` of sync rows (docs/sync-protocol.md) as the workstation stores them.
 */

export const ShopSchema = z.object({ id: IdSchema, name: z.string() });
export type Shop = z.infer<typeof ShopSchema>;

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: TeamKindSchema,
  /** set exactly on merchant teams */
  shopId: IdSchema.nullable(),
});
export type Team = z.infer<typeof TeamSchema>;

export const QueueKindSchema = z.enum(['platform', 'merchant', 'escalation', 'feedback']);
export type QueueKind = z.infer<typeof QueueKindSchema>;

export const ChannelSchema = z.enum(['chat', 'comment', 'dm', 'feedback']);
export type Channel = z.infer<typeof ChannelSchema>;

/** Staffed hours in China time, or round the clock. */
export const QueueHoursSchema = z.union([
  z.literal('24x7'),
  z.object({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) }),
]);
export type QueueHours = z.infer<typeof QueueHoursSchema>;

export const QueueSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: QueueKindSchema,
  /** set exactly on merchant queues */
  shopId: IdSchema.nullable(),
  /** teams whose agents serve the queue */
  teamIds: z.array(IdSchema),
  botFirst: z.boolean(),
  channels: z.array(ChannelSchema),
  hours: QueueHoursSchema,
  /** overrides the agents' own limit in this queue when set */
  maxConcurrent: z.number().int().nonnegative().nullable(),
});
export type Queue = z.infer<typeof QueueSchema>;

/** A directory entry: what colleagues may know about an agent. Never credentials. */
export const AgentSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  shopId: IdSchema.nullable(),
  maxConcurrent: z.number().int().nonnegative(),
  skills: z.array(z.string()),
});
export type Agent = z.infer<typeof AgentSchema>;
