import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequestSchema, type LoginResponse, type MeResponseSchema } from '../../shared/api/auth';
import { sendError } from '../http/errors';
import type { AccountsService } from './service';

/** POST /api/auth/login, POST /api/auth/logout, GET /api/me. */
export function registerAccountRoutes(app: FastifyInstance, deps: { accounts: AccountsService }): void {
  const { accounts } = deps;

  app.post('/api/auth/login', async (request, reply) => {
    const parsed = LoginRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      // zod messages name the field and the rule, never the value, so the password is not echoed.
      return sendError(reply, 400, 'invalid_request', z.prettifyError(parsed.error));
    }
    const result = await accounts.login(parsed.data.username, parsed.data.password);
    if (!result.ok) {
      if (result.reason === 'too_many_attempts') {
        reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
        return sendError(reply, 429, 'too_many_attempts', 'too many failed sign-ins, try again later');
      }
      // One message for unknown user and wrong password: do not reveal which names exist.
      return sendError(reply, 401, 'invalid_credentials', 'wrong username or password');
    }
    const body: LoginResponse = { token: result.token, expiresAt: result.expiresAt, user: result.user };
    return body;
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const session = accounts.authenticateHeader(request.headers.authorization);
    if (!session) return sendError(reply, 401, 'unauthenticated', 'missing, expired or revoked token');
    accounts.logout(session);
    return reply.code(204).send();
  });

  app.get('/api/me', async (request, reply) => {
    const session = accounts.authenticateHeader(request.headers.authorization);
    if (!session) return sendError(reply, 401, 'unauthenticated', 'missing, expired or revoked token');
    const body: z.infer<typeof MeResponseSchema> = { user: session.user, expiresAt: session.expiresAt };
    return body;
  });
}
