import type { FastifyInstance } from 'fastify';
import { UnmaskedExportRequestSchema } from '../../shared/api/exportAudit';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { answerRejection, parseInput } from '../http/validate';
import type { ScopeResolver } from '../scope/resolver';
import type { UnmaskedExports } from './unmaskedExport';

/** POST /api/history/exports/unmasked {conversationIds, format}: audited, then the clear contact fields the export needs. */
export function registerAuditRoutes(app: FastifyInstance, deps: { accounts: AccountsService; scopes: ScopeResolver; exports: UnmaskedExports }): void {
  app.post('/api/history/exports/unmasked', async (request, reply) => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return reply;
    const body = parseInput(UnmaskedExportRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    const scope = deps.scopes.scopeFor(session.user.id);
    if (!scope) return sendError(reply, 403, 'forbidden', 'your account is no longer active');
    try {
      const answer = deps.exports.record(scope, body);
      // Clear personal data must not linger in shared caches.
      reply.header('cache-control', 'no-store');
      return answer;
    } catch (error) {
      return answerRejection(reply, error);
    }
  });
}
