import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../domain/ids';
import { reviewFilterFields } from '../domain/reviews';
import { SyncRowSchema } from './sync';

/*
 * GET /api/review/set: the bulk download behind "make available offline". A set is the
 * conversations of the caller's scope matching a filter (queue and/or shop, created in a date
 * range, optionally one agent), read in pages of conversations with everything a reviewer needs
 * of each: the conversation, its customer, messages, tickets with their events, QC flags and
 * reviews, as ordinary sync rows.
 */

const Timestamp = z.coerce.number().pipe(TimestampSchema);

export const REVIEW_SET_MAX_PAGE = 2000;

/** The filter plus the page: conversations after (afterCreatedAt, afterId) in (createdAt, id) order. */
export const ReviewSetQuerySchema = z
  .object({
    // the set's filter (domain/reviews), its times read from the query string
    ...reviewFilterFields,
    from: Timestamp,
    to: Timestamp,
    afterCreatedAt: Timestamp.optional(),
    afterId: IdSchema.optional(),
    /** conversations per page */
    limit: z.coerce.number().int().min(1).max(REVIEW_SET_MAX_PAGE).default(500),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => (q.afterCreatedAt === undefined) === (q.afterId === undefined), {
    message: 'give both afterCreatedAt and afterId, or neither',
    path: ['afterId'],
  });
export type ReviewSetQuery = z.infer<typeof ReviewSetQuerySchema>;

export const ReviewSetPageSchema = z.object({
  rows: z.array(SyncRowSchema),
  /** the conversations of this page, in order */
  conversationIds: z.array(IdSchema),
  /** where the next page starts; null on the last page */
  next: z.object({ afterCreatedAt: TimestampSchema, afterId: IdSchema }).nullable(),
  /** the whole set's size, on the first page only (null after), for the progress bar */
  total: z.object({ conversations: z.number().int().nonnegative(), rows: z.number().int().nonnegative() }).nullable(),
});
export type ReviewSetPage = z.infer<typeof ReviewSetPageSchema>;
