import type { FastifyInstance } from 'fastify';
import { PullQuerySchema } from '../../shared/api/sync';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { ScopeResolver } from '../scope/resolver';
import type { SyncService } from './service';

/** GET /api/sync/pull?cursor&limit: one page of the caller's rows after `cursor`. */
export function registerSyncRoutes(app: FastifyInstance, deps: { accounts: AccountsService; sync: SyncService; scopes: ScopeResolver }): void {
  app.get('/api/sync/pull', async (request, reply) => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return reply;
    const query = parseInput(PullQuerySchema, request.query, reply, 'query');
    if (!query) return reply;
    const scope = deps.scopes.scopeFor(session.user.id);
    if (!scope) return sendError(reply, 403, 'forbidden', 'your account is no longer active');
    // Encoded once here: a page is megabytes of mostly Chinese text, and handed over as a string
    // it is measured (Content-Length) and then encoded again by the socket write.
    const body = Buffer.from(JSON.stringify(deps.sync.pull(scope, query.cursor, query.limit)));
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
