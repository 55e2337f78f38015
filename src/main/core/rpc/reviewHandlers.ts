import type { Workspace } from '../workspace/workspace';
import type { Handlers } from './handlers';

export type ReviewHandlers = Pick<Handlers, 'review.sets.list' | 'review.sets.delete' | 'review.prepare' | 'review.queue' | 'reviews.record'>;

/** Offline review, answered from the account's cache (review.prepare is the one call that needs the server). */
export function reviewHandlers(ws: () => Workspace): ReviewHandlers {
  return {
    'review.sets.list': () => ws().review.sets.list(),
    'review.sets.delete': ({ setId }) => {
      ws().review.sets.delete(setId);
      return null;
    },
    'review.prepare': (args, ctx) => ws().review.sets.prepare(args, ctx.signal),
    'review.queue': ({ setId }) => {
      ws().review.sets.get(setId);
      return ws().review.queue.list(setId);
    },
    'reviews.record': (args) => ws().review.writes.record(args),
  };
}
