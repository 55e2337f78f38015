import type { FastifyInstance } from 'fastify';
import { PullQuerySchema, SYNC_CURSOR_HEADER, SYNC_HAS_MORE_HEADER } from '../../shared/api/sync';
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
    const page = deps.sync.pull(scope, query.cursor, query.limit);
    // Encoded once here: a page is megabytes of mostly Chinese text, and handed over as a string
    // it is measured (Content-Length) and then encoded again by the socket write.
    const body = Buffer.from(JSON.stringify(page));
    // The page's cursor and hasMore again as headers, so a client can ask for the next page
    // while it still reads and parses this one (docs/sync-protocol.md, Pull).
    return reply
      .type('application/json; charset=utf-8')
      .header(SYNC_CURSOR_HEADER, String(page.cursor))
      .header(SYNC_HAS_MORE_HEADER, String(page.hasMore))
      .send(body);
  });
}
