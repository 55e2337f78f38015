import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RevealRequestSchema, type RevealResponse } from '../../shared/api/customers';
import { IdSchema } from '../../shared/domain/ids';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { answerRejection, parseInput } from '../http/validate';
import type { ScopeResolver } from '../scope/resolver';
import type { CustomersService } from './service';

const Params = z.object({ id: IdSchema });

/** POST /api/customers/:id/reveal {field}: the clear contact field, for leads and admins, audited. */
export function registerCustomerRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountsService; customers: CustomersService; scopes: ScopeResolver },
): void {
  app.post('/api/customers/:id/reveal', async (request, reply) => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return reply;
    const params = parseInput(Params, request.params, reply, 'params');
    if (!params) return reply;
    const body = parseInput(RevealRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    const scope = deps.scopes.scopeFor(session.user.id);
    if (!scope) return sendError(reply, 403, 'forbidden', 'your account is no longer active');
    try {
      const value = deps.customers.reveal(scope, params.id, body.field);
      // The clear value must not linger in shared caches.
      reply.header('cache-control', 'no-store');
      const response: RevealResponse = { field: body.field, value };
      return response;
    } catch (error) {
      return answerRejection(reply, error);
    }
  });
}
