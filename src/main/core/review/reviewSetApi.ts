import { z } from 'zod';
import { ReviewSetPageSchema, type ReviewSetQuery } from '../../../shared/api/reviews';
import { requestJson } from '../session/serverApi';

/** A review set page as the core reads it: rows are checked one by one later (validRows). */
export const LooseReviewSetPageSchema = ReviewSetPageSchema.extend({ rows: z.array(z.unknown()) });
export type LooseReviewSetPage = z.infer<typeof LooseReviewSetPageSchema>;

/** Conversations per page: big enough that a page's transaction and round trip are cheap per row. */
export const REVIEW_SET_PAGE = 500;

export type ReviewSetApi = (query: ReviewSetQuery, signal?: AbortSignal) => Promise<LooseReviewSetPage>;

/** GET /api/review/set over HTTP, with the caller's token. */
export function httpReviewSetApi(serverUrl: string, token: string): ReviewSetApi {
  return (query, signal) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    return requestJson(serverUrl, `/api/review/set?${params.toString()}`, LooseReviewSetPageSchema, { token, signal });
  };
}
