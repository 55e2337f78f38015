import { z } from 'zod';
import { CannedReplySchema } from '../domain/canned';
import { ConversationSchema, MessageSchema } from '../domain/conversations';
import { CustomerSchema, OrderSchema } from '../domain/customers';
import { IdSchema } from '../domain/ids';
import { KbArticleSchema } from '../domain/kb';
import { AgentSchema, QueueSchema, ShopSchema, TeamSchema } from '../domain/org';
import { QcFlagSchema } from '../domain/qc';
import { ReviewSchema } from '../domain/reviews';
import { FollowupSchema, TicketEventSchema, TicketSchema } from '../domain/tickets';

/*
 * The sync protocol's wire shapes (docs/sync-protocol.md): pull, push frames and mutations.
 * The server validates what it receives with these; the core validates what it receives.
 */

export const ENTITY_NAMES = [
  'teams',
  'shops',
  'queues',
  'agents',
  'customers',
  'orders',
  'conversations',
  'messages',
  'tickets',
  'ticket_events',
  'followups',
  'kb',
  'canned',
  'qc_flags',
  'reviews',
] as const;
export const EntityNameSchema = z.enum(ENTITY_NAMES);
export type EntityName = z.infer<typeof EntityNameSchema>;

/** `data` shapes of the entities served today; the others are added with their features. */
export const ENTITY_DATA_SCHEMAS = {
  teams: TeamSchema,
  shops: ShopSchema,
  queues: QueueSchema,
  agents: AgentSchema,
  customers: CustomerSchema,
  orders: OrderSchema,
  conversations: ConversationSchema,
  messages: MessageSchema,
  tickets: TicketSchema,
  ticket_events: TicketEventSchema,
  followups: FollowupSchema,
  kb: KbArticleSchema,
  canned: CannedReplySchema,
  qc_flags: QcFlagSchema,
  reviews: ReviewSchema,
} as const satisfies Partial<Record<EntityName, z.ZodType>>;
export type SyncedEntity = keyof typeof ENTITY_DATA_SCHEMAS;
export type EntityData<E extends SyncedEntity> = z.infer<(typeof ENTITY_DATA_SCHEMAS)[E]>;

/** Sequence numbers are positive; 0 is "before everything". */
export const SeqSchema = z.number().int().nonnegative();

/** One row as it travels: `data` is already scoped and masked for the receiver. */
export const SyncRowSchema = z.object({
  entity: EntityNameSchema,
  id: IdSchema,
  seq: SeqSchema,
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});
export type SyncRow = z.infer<typeof SyncRowSchema>;

export const PULL_DEFAULT_LIMIT = 1000;
export const PULL_MAX_LIMIT = 5000;

/** GET /api/sync/pull query string (strings on the wire, hence the coercion). */
export const PullQuerySchema = z
  .object({
    cursor: z.coerce.number().int().nonnegative().default(0),
    limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuerySchema>;

export const PullResponseSchema = z.object({
  rows: z.array(SyncRowSchema),
  /** pull from here next: the last row's seq while hasMore, else the newest seq the caller is complete up to */
  cursor: SeqSchema,
  hasMore: z.boolean(),
  /** the newest seq on the server, for progress */
  serverSeq: SeqSchema,
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

/** Response headers repeating a pull page's `cursor` and `hasMore`: a client may ask for the next page before parsing this one. */
export const SYNC_CURSOR_HEADER = 'sync-cursor';
export const SYNC_HAS_MORE_HEADER = 'sync-has-more';

// ---------------------------------------------------------------- mutations

/** A client's id (one per workstation install) and a mutation's id (ULID/UUIDv7, unique per client). */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1-64 letters, digits, _ or -');
export const MutationIdSchema = ClientIdSchema;

export const MutationSchema = z.object({
  id: MutationIdSchema,
  name: z.string().min(1).max(64),
  /** checked per mutation name on the server; a bad one is a permanent `invalid_args` rejection */
  args: z.unknown(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const MAX_MUTATIONS_PER_REQUEST = 100;

/** POST /api/mutations */
export const MutationRequestSchema = z.object({
  clientId: ClientIdSchema,
  mutations: z.array(MutationSchema).min(1).max(MAX_MUTATIONS_PER_REQUEST),
});
export type MutationRequest = z.infer<typeof MutationRequestSchema>;

export const RejectionCodeSchema = z.enum(['forbidden', 'not_found', 'conflict', 'invalid_args']);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

export const MutationOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('applied'), rows: z.array(SyncRowSchema) }),
  z.object({ status: z.literal('rejected'), code: RejectionCodeSchema, message: z.string() }),
]);
export type MutationOutcome = z.infer<typeof MutationOutcomeSchema>;

export const MutationResultSchema = z.intersection(z.object({ id: MutationIdSchema }), MutationOutcomeSchema);
export type MutationResult = z.infer<typeof MutationResultSchema>;

/** Answer of POST /api/mutations: one result per mutation, in the order sent. */
export const MutationResponseSchema = z.object({ results: z.array(MutationResultSchema) });
export type MutationResponse = z.infer<typeof MutationResponseSchema>;

// ---------------------------------------------------------------- WebSocket frames

/** Server → client: rows of the receiver's scope as they commit; `prev` is the seq of the previous row sent on this socket. */
export const WsRowsFrameSchema = z.object({ t: z.literal('rows'), rows: z.array(SyncRowSchema), prev: SeqSchema });
export type WsRowsFrame = z.infer<typeof WsRowsFrameSchema>;

/** Client → server: the WebSocket form of POST /api/mutations. */
export const WsMutateFrameSchema = z.object({
  t: z.literal('mutate'),
  clientId: ClientIdSchema,
  mutations: z.array(MutationSchema).min(1).max(MAX_MUTATIONS_PER_REQUEST),
});
export type WsMutateFrame = z.infer<typeof WsMutateFrameSchema>;

/**
 * Server → client: the answer to one `mutate` frame, after commit. `retry` is set when a temporary
 * failure stopped the batch: the mutations without a result were not applied; send them again.
 */
export const WsMutatedFrameSchema = z.object({
  t: z.literal('mutated'),
  clientId: ClientIdSchema,
  results: z.array(MutationResultSchema),
  retry: z.boolean().optional(),
});
export type WsMutatedFrame = z.infer<typeof WsMutatedFrameSchema>;

/** Server → client: live events that are not rows (typing, presence, offers). */
export const WsEventFrameSchema = z.object({ t: z.literal('event'), name: z.string(), payload: z.unknown() });

/**
 * The `queues.stats` event's payload: per queue its user serves, the chats waiting and when the
 * oldest of them was queued (ms, null when none wait). Agents never receive queued conversations
 * as rows (they get offers), so this is how they see their queues' lines.
 */
export const QueueStatsSchema = z.array(
  z.object({ queueId: z.string(), waiting: z.number().int().nonnegative(), oldestQueuedAt: z.number().nullable() }),
);
export type QueueStats = z.infer<typeof QueueStatsSchema>;

/**
 * The `presence.changed` event's payload: the user's availability as routing holds it, sent to
 * their sockets on connect (so a workstation that restarts within the grace period reads it back)
 * and after every change (so their other workstations agree).
 */
export const PresenceChangedSchema = z.object({ presence: z.enum(['online', 'busy', 'away', 'offline']), reason: z.string().optional() });
export type PresenceChanged = z.infer<typeof PresenceChangedSchema>;

/** Server → client: a frame the server could not accept (bad shape), naming the field. */
export const WsErrorFrameSchema = z.object({ t: z.literal('error'), error: z.string(), message: z.string() });
