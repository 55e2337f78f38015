import { z } from 'zod';
import { ConversationStatusSchema } from '../domain/conversations';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { ChannelSchema } from '../domain/org';

/** Which conversations an export holds when no ids are given: all cached ones matching every field. */
export const EvidenceFilterSchema = z
  .object({
    /** createdAt range, epoch ms, inclusive */
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
    queueId: IdSchema.optional(),
    shopId: IdSchema.optional(),
    agentId: IdSchema.optional(),
    customerId: IdSchema.optional(),
    status: ConversationStatusSchema.optional(),
    channel: ChannelSchema.optional(),
  })
  .strict();
export type EvidenceFilter = z.infer<typeof EvidenceFilterSchema>;

/** The most conversations one export holds: a bigger set is split by date range. */
export const MAX_EXPORT_CONVERSATIONS = 5000;

export const HistoryExportArgsSchema = z
  .object({
    conversationIds: z.array(IdSchema).min(1).max(MAX_EXPORT_CONVERSATIONS).optional(),
    filter: EvidenceFilterSchema.optional(),
    format: z.enum(['html', 'json']),
    /** embed the attachments' bytes (hashes are recorded either way when the server can be reached) */
    includeAttachments: z.boolean().default(false),
    /** clear personal data: leads and admins only */
    unmasked: z.boolean().default(false),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .strict()
  .refine((a) => (a.conversationIds === undefined) !== (a.filter === undefined), {
    message: 'give either conversationIds or filter',
    path: ['conversationIds'],
  });
export type HistoryExportArgs = z.input<typeof HistoryExportArgsSchema>;

export const HistoryVerifyArgsSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

export interface HistoryExportResult {
  path: string;
  format: 'html' | 'json';
  conversations: number;
  messages: number;
  masked: boolean;
  digest: string;
}

/** Export progress, pushed while a big set is gathered and hashed. */
export interface HistoryExportProgress {
  phase: 'gathering' | 'attachments' | 'writing' | 'done';
  done: number;
  total: number;
}
