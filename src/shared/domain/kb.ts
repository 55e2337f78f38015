import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids';

/** A knowledge-base article as workstations receive it (only those visible to one of the user's teams). */
export const KbArticleSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** Markdown */
  body: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  /** short terms search and the bot match on */
  keywords: z.array(z.string()),
  /** ways customers ask this question */
  questions: z.array(z.string()),
  /** teams that may see it; a merchant team listed here makes a platform article public for merchants */
  teamIds: z.array(IdSchema),
  /** set on a shop's own articles */
  shopId: IdSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type KbArticle = z.infer<typeof KbArticleSchema>;
