import { z } from 'zod';
import { DEFAULT_QC_RULES } from '../text';
import { IdSchema, TimestampSchema } from './ids';

/*
 * Conversation reviews: a lead (of the conversation's team) or an admin judges a whole
 * conversation pass or fail, naming the QC rule it failed. One row per reviewer and conversation:
 * a later verdict by the same reviewer replaces the earlier one.
 */

export const ReviewVerdictSchema = z.enum(['pass', 'fail']);
export type ReviewVerdict = z.infer<typeof ReviewVerdictSchema>;

const QC_RULE_IDS: ReadonlySet<string> = new Set(DEFAULT_QC_RULES.map((rule) => rule.id));

/** A rule of the QC tables (DEFAULT_QC_RULES ids such as agent.rude). */
export const ReviewRuleIdSchema = z.string().refine((id) => QC_RULE_IDS.has(id), 'expected the id of a QC rule');

export const ReviewNoteSchema = z.string().max(2000);

export const ReviewSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  reviewerId: IdSchema,
  verdict: ReviewVerdictSchema,
  /** the QC rule a failed conversation broke; null on pass */
  ruleId: z.string().nullable(),
  note: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Review = z.infer<typeof ReviewSchema>;

// ---------------------------------------------------------------- offline review (core RPC)

/** Which conversations a set holds: queue and/or shop, created in a date range (ms, inclusive), optionally one assignee. */
export const reviewFilterFields = {
  queueId: IdSchema.optional(),
  shopId: IdSchema.optional(),
  agentId: IdSchema.optional(),
  from: TimestampSchema,
  to: TimestampSchema,
};
export const ReviewFilterSchema = z
  .object(reviewFilterFields)
  .strict()
  .refine((f) => f.from <= f.to, { message: 'must not be before from', path: ['to'] });
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

/** review.prepare: download a set now (a new one, or `setId` again to refresh it). */
export const ReviewPrepareArgsSchema = z
  .object({ name: z.string().trim().min(1).max(80), filter: ReviewFilterSchema, setId: IdSchema.optional() })
  .strict();

/** reviews.record from a window: the core picks the review id and queues the mutation. */
export const ReviewRecordArgsSchema = z
  .object({
    conversationId: IdSchema,
    verdict: ReviewVerdictSchema,
    ruleId: ReviewRuleIdSchema.nullable().default(null),
    note: ReviewNoteSchema.default(''),
  })
  .strict()
  .refine((a) => (a.verdict === 'fail') === (a.ruleId !== null), {
    message: 'a fail names the QC rule broken, a pass names none',
    path: ['ruleId'],
  });

/** A named set made available offline, with its size once ready. */
export interface ReviewSetView {
  id: string;
  name: string;
  filter: ReviewFilter;
  state: 'preparing' | 'ready' | 'failed';
  conversations: number;
  rows: number;
  /** bytes of the set's rows in the cache */
  bytes: number;
  error: string | null;
  createdAt: number;
  preparedAt: number | null;
}

/** review.progress: rows of the set stored so far out of the set's size. */
export interface ReviewProgress {
  setId: string;
  phase: 'fetching' | 'done' | 'failed';
  done: number;
  total: number;
  error?: string;
}

/** The signed-in reviewer's verdict as the cache holds it: pending until the server has it. */
export interface MyVerdict {
  reviewId: string;
  verdict: ReviewVerdict;
  ruleId: string | null;
  note: string;
  state: 'pending' | 'synced';
  updatedAt: number;
}

/** One conversation of a set, in the set's order, with what a reviewer needs to pick it. */
export interface ReviewQueueItem {
  conversationId: string;
  createdAt: number;
  status: string;
  queueId: string;
  shopId: string | null;
  assigneeId: string | null;
  customerName: string | null;
  messages: number;
  qcFlags: number;
  verdict: MyVerdict | null;
  /** the server refused the reviewer's last verdict here (rolled back), and why */
  rejected: { code: string; message: string } | null;
}
