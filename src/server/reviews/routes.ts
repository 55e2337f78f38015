import type { FastifyInstance } from 'fastify';
import { ReviewSetQuerySchema } from '../../shared/api/reviews';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { ScopeResolver } from '../scope/resolver';
import type { ReviewSetReads } from './setStore';

/** GET /api/review/set?from&to[&queueId&shopId&agentId][&afterCreatedAt&afterId][&limit]: one page of a review set, scoped. */
export function registerReviewRoutes(app: FastifyInstance, deps: { accounts: AccountsService; scopes: ScopeResolver; sets: ReviewSetReads }): void {
  app.get('/api/review/set', async (request, reply) => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return reply;
    const query = parseInput(ReviewSetQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    const scope = deps.scopes.scopeFor(session.user.id);
    if (!scope) return sendError(reply, 403, 'forbidden', 'your account is no longer active');
    return deps.sets.page(scope, query);
  });
}
