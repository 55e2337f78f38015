import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { MAX_EXPORT_CONVERSATIONS } from '../evidence/args';

/*
 * POST /api/history/exports/unmasked: a lead or admin is about to write an unmasked evidence
 * export of these conversations. The server records who, which conversations and when in its
 * audit log, and only then answers with what the export needs clear: the contact fields of the
 * conversations' customers (the synced rows carry them masked). No audit row, no clear data.
 */

export const UnmaskedExportRequestSchema = z
  .object({
    conversationIds: z.array(IdSchema).min(1).max(MAX_EXPORT_CONVERSATIONS),
    format: z.enum(['html', 'json']),
  })
  .strict();
export type UnmaskedExportRequest = z.infer<typeof UnmaskedExportRequestSchema>;

export const ClearContactSchema = z.object({
  customerId: IdSchema,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});
export type ClearContact = z.infer<typeof ClearContactSchema>;

export const UnmaskedExportResponseSchema = z.object({
  /** the audit entry recording this export */
  auditId: IdSchema,
  at: TimestampSchema,
  customers: z.array(ClearContactSchema),
});
export type UnmaskedExportResponse = z.infer<typeof UnmaskedExportResponseSchema>;
