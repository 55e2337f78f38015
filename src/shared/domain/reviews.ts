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
