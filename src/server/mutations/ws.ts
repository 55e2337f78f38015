import { z } from 'zod';
import { WsMutateFrameSchema, type WsMutatedFrame } from '../../shared/api/sync';
import type { FrameHandler } from '../realtime/frames';
import type { MutationService } from './service';

/** The `{t:'mutate'}` frame: same semantics as POST /api/mutations, answered with `{t:'mutated'}`. */
export function mutateFrameHandler(mutations: MutationService): FrameHandler {
  return (ctx, frame) => {
    const parsed = WsMutateFrameSchema.safeParse(frame);
    if (!parsed.success) {
      ctx.send({ t: 'error', error: 'invalid_request', message: z.prettifyError(parsed.error) });
      return;
    }
    const { clientId, mutations: list } = parsed.data;
    // applyBatch never rejects: a failed commit comes back as a batch failure (retry the same ids).
    void mutations.applyBatch(ctx.userId, clientId, list).then((batch) => {
      if (batch.failure !== undefined) ctx.log.error({ err: batch.failure }, 'mutation failed');
      const answer: WsMutatedFrame = { t: 'mutated', clientId, results: batch.results, ...(batch.failure !== undefined ? { retry: true } : {}) };
      ctx.send(answer);
    });
  };
}
