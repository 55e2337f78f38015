import { ReviewSetPageSchema, ReviewSetQuerySchema } from '../../shared/api/reviews';
import type { ApiOperation } from '../openapi/operations';

export const REVIEW_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/review/set',
    summary: "One page of a review set: the caller's conversations matching the filter with their customers, messages, tickets, events, QC flags and reviews",
    caller: 'user',
    query: ReviewSetQuerySchema,
    responses: { 200: ReviewSetPageSchema },
  },
];
