import { z } from 'zod';
import { AttachmentRefSchema, ConversationSchema, MessageSchema } from '../domain/conversations';
import { CustomerSchema } from '../domain/customers';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { RoleSchema } from '../domain/session';
import { TicketEventSchema, TicketSchema } from '../domain/tickets';

/*
 * The evidence bundle, version 1: one conversation or a filtered set, as exported by the core
 * and checked by verifyBundle (chain.ts). A new field means a new version: verifiers must be able
 * to recompute every hash of the version they read.
 *
 *   header         who exported what, when, masked or not; commits to everything else by hash
 *   conversations  each with its counterpart, customer and linked tickets with their timelines
 *   agents         names of the agents who appear, so a reader sees who said what
 *   messages       every conversation's whole transcript in order, one hash chain over all
 *   files          attachment bytes (base64) by attachment id, when the export includes them
 *   digest         SHA-256 of the canonical header: the one value to write down or sign
 */

export const EVIDENCE_FORMAT = 'seatdesk.evidence';
export const EVIDENCE_VERSION = 1;

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256');

export const EvidenceAttachmentSchema = AttachmentRefSchema.extend({
  /** of the file's bytes; null when the core could not fetch them (offline export) */
  sha256: Sha256HexSchema.nullable(),
});
export type EvidenceAttachment = z.infer<typeof EvidenceAttachmentSchema>;

/** A message as chained: `position` is its place in the export, `link` the chain value after it. */
export const EvidenceMessageSchema = MessageSchema.omit({ attachments: true }).extend({
  position: z.number().int().nonnegative(),
  attachments: z.array(EvidenceAttachmentSchema),
  link: Sha256HexSchema,
});
export type EvidenceMessage = z.infer<typeof EvidenceMessageSchema>;

/** Whom the customer was talking to: the platform's own service, or a shop. */
export const CounterpartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('platform') }),
  z.object({ kind: z.literal('shop'), shopId: IdSchema, shopName: z.string().nullable() }),
]);
export type Counterpart = z.infer<typeof CounterpartSchema>;

export const EvidenceTicketSchema = z.object({ ticket: TicketSchema, events: z.array(TicketEventSchema) });
export type EvidenceTicket = z.infer<typeof EvidenceTicketSchema>;

export const EvidenceConversationSchema = z.object({
  conversation: ConversationSchema,
  counterpart: CounterpartSchema,
  queueName: z.string().nullable(),
  customer: CustomerSchema.nullable(),
  tickets: z.array(EvidenceTicketSchema),
});
export type EvidenceConversation = z.infer<typeof EvidenceConversationSchema>;

export const EvidenceAgentSchema = z.object({ id: IdSchema, displayName: z.string() });
export type EvidenceAgent = z.infer<typeof EvidenceAgentSchema>;

export const EvidenceHeaderSchema = z.object({
  format: z.literal(EVIDENCE_FORMAT),
  version: z.literal(EVIDENCE_VERSION),
  exportedAt: TimestampSchema,
  exportedBy: z.object({ userId: IdSchema, username: z.string(), displayName: z.string(), role: RoleSchema }),
  /** false only when a lead or admin asked for clear personal data */
  masked: z.boolean(),
  serverUrl: z.string(),
  /** what was asked for: conversation ids, or the filter that chose them */
  selection: z.record(z.string(), z.unknown()),
  attachmentsIncluded: z.boolean(),
  conversationCount: z.number().int().nonnegative(),
  messageCount: z.number().int().nonnegative(),
  /** SHA-256 of canonical {conversations, agents} */
  contentSha256: Sha256HexSchema,
  /** the last message's link (the genesis value when there are no messages) */
  chainHead: Sha256HexSchema,
});
export type EvidenceHeader = z.infer<typeof EvidenceHeaderSchema>;

export const EvidenceBundleSchema = z.object({
  header: EvidenceHeaderSchema,
  conversations: z.array(EvidenceConversationSchema),
  agents: z.array(EvidenceAgentSchema),
  messages: z.array(EvidenceMessageSchema),
  files: z.record(IdSchema, z.string()),
  digest: Sha256HexSchema,
});
export type EvidenceBundle = z.infer<typeof EvidenceBundleSchema>;

export type ProblemKind = 'edited' | 'deleted' | 'reordered' | 'inserted' | 'header';

export interface VerifyProblem {
  /** the message's index in the bundle as read (for deleted: where it is missing); null for the header */
  index: number | null;
  kind: ProblemKind;
  detail: string;
}

export type VerifyResult = { ok: true; digest: string } | { ok: false; problems: VerifyProblem[] };
