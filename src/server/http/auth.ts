import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService, AuthSession } from '../accounts/service';
import { sendError } from './errors';

/** The agent session behind the request's bearer token, or null after answering 401. */
export function requireUser(accounts: AccountsService, request: FastifyRequest, reply: FastifyReply): AuthSession | null {
  const session = accounts.authenticateHeader(request.headers.authorization);
  if (!session) sendError(reply, 401, 'unauthenticated', 'missing, expired or revoked token');
  return session;
}
