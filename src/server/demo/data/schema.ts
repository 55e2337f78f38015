import { z } from 'zod';
import { RoleSchema, TeamKindSchema } from '../../../shared/domain/session';

/*
 * The contract of the demo data set: what generateDemoData() returns and what the static files in
 * resources/demo hold. All timestamps are epoch milliseconds (UTC); "working hours" and the dates
 * inside order/ticket ids are China Standard Time (UTC+8). Money is in yuan with at most two
 * decimals (computed from whole fen, so no float drift). Optional fields are omitted, never null.
 */

const Id = z.string().min(1).max(64);
const Timestamp = z.number().int().nonnegative();
const Text = z.string().min(1);
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const Yuan = z
  .number()
  .nonnegative()
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'at most two decimals');

/** Format-valid mainland mobile number: 11 digits, 1 then 3–9. The demo only uses 1XX0000XXXX. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

// ---------------------------------------------------------------- org

export const ShopSchema = z.object({ id: Id, name: Text });

export const TeamSchema = z
  .object({ id: Id, name: Text, kind: TeamKindSchema, shopId: Id.optional() })
  .refine((t) => (t.kind === 'merchant') === (t.shopId !== undefined), 'a merchant team has a shopId, a platform team has none');

export const QueueKindSchema = z.enum(['platform', 'merchant', 'escalation', 'feedback']);
export const ChannelSchema = z.enum(['chat', 'comment', 'dm', 'feedback']);

/** Hours when humans staff the queue (China time); the bot of a bot-first queue answers 24x7 anyway. */
export const QueueHoursSchema = z.union([z.literal('24x7'), z.object({ start: HourMinute, end: HourMinute })]);

export const QueueSchema = z
  .object({
    id: Id,
    name: Text,
    kind: QueueKindSchema,
    teamIds: z.array(Id).min(1),
    shopId: Id.optional(),
    /** The bot answers the first turn of `chat` conversations; other channels go straight to humans. */
    botFirst: z.boolean(),
    channels: z.array(ChannelSchema).min(1),
    hours: QueueHoursSchema,
    maxConcurrentPerAgent: z.number().int().positive().optional(),
  })
  .refine((q) => (q.kind === 'merchant') === (q.shopId !== undefined), 'a merchant queue has a shopId, other queues none');

export const AgentSchema = z.object({
  id: Id,
  username: z.string().regex(/^[a-z][a-z0-9]{1,31}$/, 'lower-case ascii username'),
  displayName: Text,
  role: RoleSchema,
  /** Empty only for the admin account, which is not a seat. */
  teamIds: z.array(Id),
  skills: z.array(Text),
  /** Chats this person takes at once; 0 for the admin. */
  maxConcurrent: z.number().int().nonnegative(),
});

export const OrgSchema = z.object({
  teams: z.array(TeamSchema),
  shops: z.array(ShopSchema),
  queues: z.array(QueueSchema),
  agents: z.array(AgentSchema),
});

// ---------------------------------------------------------------- kb

export const KbArticleSchema = z.object({
  id: Id,
  title: Text,
  /** Markdown (zh-CN): a summary line, numbered steps and/or bullet notes. */
  body: Text,
  /** One of KB_CATEGORIES (platform) or SHOP_CATEGORIES (shop articles). */
  category: Text,
  tags: z.array(Text),
  /** Teams that may see the article. Platform articles: every platform team (merchant rules: every team). */
  teamIds: z.array(Id).min(1),
  /** Set on a shop's own articles, which only that shop's team sees. */
  shopId: Id.optional(),
  /** Short terms the bot and the search match on. */
  keywords: z.array(Text).min(1),
  /** Ways customers actually ask this question. */
  questions: z.array(Text).min(1),
});

export const KbSchema = z.object({ articles: z.array(KbArticleSchema) });

// ---------------------------------------------------------------- canned replies

/** Variables a canned reply body may contain, written as {{name}}. */
export const CANNED_VARIABLES = ['customer.name', 'order.id', 'agent.name'] as const;

export const CannedReplySchema = z
  .object({
    id: Id,
    /** Typed after "/" in the composer; unique within its team (team scope) or its owner (personal scope). */
    shortcut: z.string().regex(/^[a-z][a-z0-9]{0,15}$/),
    title: Text,
    body: Text,
    scope: z.enum(['team', 'personal']),
    teamId: Id.optional(),
    ownerAgentId: Id.optional(),
  })
  .refine(
    (c) => (c.scope === 'team' ? c.teamId !== undefined && c.ownerAgentId === undefined : c.ownerAgentId !== undefined && c.teamId === undefined),
    'a team reply has a teamId only, a personal reply an ownerAgentId only',
  );

export const CannedSchema = z.object({ replies: z.array(CannedReplySchema) });

// ---------------------------------------------------------------- customers and orders

export const CustomerLevelSchema = z.enum(['normal', 'VIP', 'KOC']);

export const CustomerSchema = z.object({
  id: Id,
  name: Text,
  level: CustomerLevelSchema,
  tags: z.array(Text),
  /** Fake (1XX0000XXXX) but format-valid; mask it wherever shown. */
  phone: z.string().regex(MAINLAND_MOBILE),
  email: z.email().optional(),
  /** Fake address; mask it wherever shown. */
  address: Text.optional(),
  createdAt: Timestamp,
});

export const OrderStatusSchema = z.enum(['paid', 'shipped', 'delivered', 'refunding', 'refunded', 'closed']);

export const OrderItemSchema = z.object({ name: Text, qty: z.number().int().positive(), price: Yuan });

export const OrderSchema = z.object({
  /** "DD" + yyyymmdd (China date of createdAt) + 6 digits. */
  id: z.string().regex(/^DD\d{8}\d{6}$/),
  customerId: Id,
  shopId: Id,
  items: z.array(OrderItemSchema).min(1),
  /** Sum of qty × price, in yuan. */
  total: Yuan,
  status: OrderStatusSchema,
  createdAt: Timestamp,
  /** Present once the parcel left the shop (shipped, delivered, and refunds after delivery). */
  carrier: Text.optional(),
  trackingNo: Text.optional(),
});

export const CustomersSchema = z.object({ customers: z.array(CustomerSchema), orders: z.array(OrderSchema) });

// ---------------------------------------------------------------- history

export const SenderSchema = z.enum(['customer', 'agent', 'bot', 'system']);
export const MessageKindSchema = z.enum(['text', 'note', 'event']);

/**
 * What a system line records: handoff (bot → human queue), picked (an agent took it), escalated
 * (merchant → 升级处理), ticket (a ticket was created; its id is in the text), left / timedOut
 * (the customer went away), rated (the CSAT given), received (feedback acknowledged).
 */
export const DemoEventSchema = z.enum(['handoff', 'picked', 'escalated', 'ticket', 'left', 'timedOut', 'rated', 'received']);

export const MessageSchema = z
  .object({
    id: Id,
    sender: SenderSchema,
    /** The agent who wrote it (sender 'agent' only). */
    agentId: Id.optional(),
    /** text: seen by the customer; note: internal, agents only; event: a system line (hand-off, escalation, ticket). */
    kind: MessageKindSchema,
    text: Text,
    at: Timestamp,
    /** The KB article a bot answer came from. */
    articleId: Id.optional(),
    /** What an event line records (kind 'event' only). */
    event: DemoEventSchema.optional(),
  })
  .refine((m) => (m.sender === 'agent') === (m.agentId !== undefined), 'agentId exactly on agent messages')
  .refine((m) => m.kind !== 'note' || m.sender === 'agent', 'notes are written by agents')
  .refine((m) => (m.kind === 'event') === (m.sender === 'system'), 'events come from the system, and only events do')
  .refine((m) => (m.kind === 'event') === (m.event !== undefined), 'every event line, and only those, says what it records');

export const ConversationStatusSchema = z.enum(['resolved', 'closed', 'abandoned']);

export const ConversationSchema = z.object({
  id: Id,
  customerId: Id,
  /** Where the conversation ended: the escalation queue for escalated merchant chats. */
  queueId: Id,
  /** Where it started, only when it moved (escalated). */
  originQueueId: Id.optional(),
  channel: ChannelSchema,
  /** The shop the customer talked to (merchant conversations, also after escalation). */
  shopId: Id.optional(),
  orderId: Id.optional(),
  /** The agent who handled it last; absent when only the bot answered or the customer left. */
  agentId: Id.optional(),
  /** resolved: answered in the chat; closed: ended otherwise (ticket, customer went silent); abandoned: left before pickup. */
  status: ConversationStatusSchema,
  startedAt: Timestamp,
  closedAt: Timestamp,
  category: Text,
  csat: z.number().int().min(1).max(5).optional(),
  escalated: z.boolean(),
  messages: z.array(MessageSchema).min(1),
});

export const TicketPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const TicketStatusSchema = z.enum(['pending', 'processing', 'resolved', 'closed']);

export const TicketEventSchema = z.object({
  at: Timestamp,
  kind: z.enum(['comment', 'status', 'transfer']),
  /** An agent id, or 'system'. */
  by: Id,
  text: Text,
  /** The status set (kind 'status'). */
  status: TicketStatusSchema.optional(),
  /** The team id it moved to (kind 'transfer'). */
  toDepartment: Id.optional(),
});

export const TicketSchema = z.object({
  /** "GD" + yyyymmdd (China date of createdAt) + 4 digits. */
  id: z.string().regex(/^GD\d{8}\d{4}$/),
  conversationId: Id.optional(),
  customerId: Id,
  orderId: Id.optional(),
  title: Text,
  /** Team id of the department that holds the ticket now. */
  department: Id,
  category: Text,
  priority: TicketPrioritySchema,
  status: TicketStatusSchema,
  assigneeId: Id.optional(),
  dueAt: Timestamp,
  createdAt: Timestamp,
  /** Oldest first; the first entry records the creation. */
  timeline: z.array(TicketEventSchema).min(1),
});

export const HistorySchema = z.object({ conversations: z.array(ConversationSchema), tickets: z.array(TicketSchema) });

// ---------------------------------------------------------------- the whole set

export const DemoMetaSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  /** Every timestamp is before this instant; history covers the 90 days before it. */
  anchor: Timestamp,
});

/** The parts written to resources/demo (meta.json, org.json, kb.json, canned.json, customers.json). */
export const DemoReferenceSchema = z.object({
  meta: DemoMetaSchema,
  org: OrgSchema,
  kb: KbSchema,
  canned: CannedSchema,
  customers: CustomersSchema,
});

export const DemoDataSchema = DemoReferenceSchema.extend({ history: HistorySchema });

export type Shop = z.infer<typeof ShopSchema>;
export type Team = z.infer<typeof TeamSchema>;
export type QueueKind = z.infer<typeof QueueKindSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type QueueHours = z.infer<typeof QueueHoursSchema>;
export type Queue = z.infer<typeof QueueSchema>;
export type Agent = z.infer<typeof AgentSchema>;
export type Org = z.infer<typeof OrgSchema>;
export type KbArticle = z.infer<typeof KbArticleSchema>;
export type Kb = z.infer<typeof KbSchema>;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];
export type CannedReply = z.infer<typeof CannedReplySchema>;
export type Canned = z.infer<typeof CannedSchema>;
export type CustomerLevel = z.infer<typeof CustomerLevelSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
export type OrderItem = z.infer<typeof OrderItemSchema>;
export type Order = z.infer<typeof OrderSchema>;
export type Customers = z.infer<typeof CustomersSchema>;
export type Sender = z.infer<typeof SenderSchema>;
export type MessageKind = z.infer<typeof MessageKindSchema>;
export type DemoEvent = z.infer<typeof DemoEventSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export type TicketEvent = z.infer<typeof TicketEventSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type History = z.infer<typeof HistorySchema>;
export type DemoMeta = z.infer<typeof DemoMetaSchema>;
export type DemoReference = z.infer<typeof DemoReferenceSchema>;
export type DemoData = z.infer<typeof DemoDataSchema>;
