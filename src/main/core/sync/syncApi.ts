import { z } from 'zod';
import { MutationIdSchema, PullResponseSchema, RejectionCodeSchema, SeqSchema, type Mutation } from '../../../shared/api/sync';
import { requestJson } from '../session/serverApi';

/*
 * The sync endpoints as the core calls them. Rows are checked one by one later (validRows), so
 * one malformed row is skipped instead of failing its whole page: the envelopes here take rows
 * as unknown.
 */

export const PullPageSchema = PullResponseSchema.extend({ rows: z.array(z.unknown()) });
export type PullPage = z.infer<typeof PullPageSchema>;

export const LooseWsRowsFrameSchema = z.object({ t: z.literal('rows'), rows: z.array(z.unknown()), prev: SeqSchema });

const LooseMutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: MutationIdSchema, status: z.literal('applied'), rows: z.array(z.unknown()) }),
  z.object({ id: MutationIdSchema, status: z.literal('rejected'), code: RejectionCodeSchema, message: z.string() }),
]);
export type LooseMutationResult = z.infer<typeof LooseMutationResultSchema>;
const MutationAnswerSchema = z.object({ results: z.array(LooseMutationResultSchema) });

/** Largest page the server serves: fewer round trips and transactions on a first sync. */
export const PULL_PAGE = 5000;

export interface SyncApi {
  pull(cursor: number): Promise<PullPage>;
  mutate(clientId: string, mutations: Mutation[]): Promise<LooseMutationResult[]>;
}

export function httpSyncApi(serverUrl: string, token: string): SyncApi {
  return {
    pull: (cursor) => requestJson(serverUrl, `/api/sync/pull?cursor=${cursor}&limit=${PULL_PAGE}`, PullPageSchema, { token }),
    mutate: async (clientId, mutations) =>
      (await requestJson(serverUrl, '/api/mutations', MutationAnswerSchema, { method: 'POST', token, body: { clientId, mutations } })).results,
  };
}
