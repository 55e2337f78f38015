import type { FastifyInstance } from 'fastify';
import { MutationRequestSchema, type MutationResponse } from '../../shared/api/sync';
import type { AccountsService } from '../accounts/service';
import { requireUser } from '../http/auth';
import { sendError } from '../http/errors';
import { parseInput } from '../http/validate';
import type { MutationService } from './service';

/** POST /api/mutations: a batch of mutations from one client, answered after commit. */
export function registerMutationRoutes(app: FastifyInstance, deps: { accounts: AccountsService; mutations: MutationService }): void {
  app.post('/api/mutations', async (request, reply) => {
    const session = requireUser(deps.accounts, request, reply);
    if (!session) return reply;
    const body = parseInput(MutationRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    const batch = await deps.mutations.applyBatch(session.user.id, body.clientId, body.mutations);
    if (batch.failure !== undefined) {
      // Temporary: the client keeps the whole batch and sends it again; applied ones answer from storage.
      request.log.error({ err: batch.failure }, 'mutation failed');
      return sendError(reply, 503, 'temporarily_unavailable', 'a mutation could not be applied; retry the same ids');
    }
    const response: MutationResponse = { results: batch.results };
    return response;
  });
}
