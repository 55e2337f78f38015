import { z } from 'zod';
import { IdSchema } from '../domain/ids';

/** GET /api/kb/search?q=&limit= — ranked search over the KB articles the caller may see. */
export const KbSearchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(256),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

const RangeSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const KbSearchResponseSchema = z.object({
  hits: z.array(
    z.object({
      articleId: IdSchema,
      title: z.string(),
      /** bm25 relevance, higher is better; comparable within one answer only */
      score: z.number(),
      /** UTF-16 [start, end) ranges of the query's terms in the title and the Markdown body */
      highlights: z.object({ title: z.array(RangeSchema), body: z.array(RangeSchema) }),
    }),
  ),
});
export type KbSearchResponse = z.infer<typeof KbSearchResponseSchema>;

/**
 * An article as an editor writes it (import, kb.upsert). Teams default to the import's; the shop
 * is derived from the teams (only one shop's merchant teams: that shop's own article).
 */
export const KbArticleInputSchema = z.object({
  id: IdSchema.optional(),
  title: z.string().trim().min(1).max(200),
  /** Markdown */
  body: z.string().trim().min(1).max(50_000),
  category: z.string().trim().min(1).max(64).default('general'),
  tags: z.array(z.string().trim().min(1).max(32)).max(20).default([]),
  keywords: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  questions: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  teamIds: z.array(IdSchema).min(1).max(50).optional(),
});
export type KbArticleInput = z.infer<typeof KbArticleInputSchema>;

/** Largest single file (Markdown or CSV) an import takes; the whole request is capped at 5 MB. */
export const KB_IMPORT_MAX_FILE_CHARS = 2_000_000;

/**
 * POST /api/kb/import — leads and admins. Markdown: one file per article, or one article per `#`
 * heading; CSV: one article per row under a header row. Formats: docs/kb-import.md.
 */
export const KbImportRequestSchema = z
  .object({
    format: z.enum(['markdown', 'csv']),
    files: z
      .array(z.object({ name: z.string().trim().min(1).max(200), content: z.string().max(KB_IMPORT_MAX_FILE_CHARS) }).strict())
      .min(1)
      .max(500),
    /** teams that may see the articles, unless an article names its own; default: the caller's teams */
    teamIds: z.array(IdSchema).min(1).max(50).optional(),
  })
  .strict();
export type KbImportRequest = z.infer<typeof KbImportRequestSchema>;

/** One problem, located well enough to fix it: the file, the CSV row (header = row 1), the field. */
export const KbImportProblemSchema = z.object({
  source: z.string(),
  row: z.number().int().positive().optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type KbImportProblem = z.infer<typeof KbImportProblemSchema>;

export const KbImportResponseSchema = z.object({
  /** ids of the articles created or updated, in file order */
  articleIds: z.array(IdSchema),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
});
export type KbImportResponse = z.infer<typeof KbImportResponseSchema>;

/** The 400 answer of a failed import: nothing was written. */
export const KbImportFailureSchema = z.object({
  error: z.literal('invalid_import'),
  message: z.string(),
  problems: z.array(KbImportProblemSchema),
});
export type KbImportFailure = z.infer<typeof KbImportFailureSchema>;
