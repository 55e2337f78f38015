import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CustomerMessageRequestSchema,
  CustomerSessionRequestSchema,
  type CustomerMessagesResponseSchema,
  type CustomerQueuesResponseSchema,
} from '../../shared/api/customerChat';
import { IdSchema } from '../../shared/domain/ids';
import { sendError } from '../http/errors';
import { answerRejection, parseInput } from '../http/validate';
import type { CustomerChatService } from './service';

const Params = z.object({ id: IdSchema });

/**
 * The customer side's routes under /api/customer. Authenticated with customer tokens only:
 * an agent token is unknown here, and a customer token is unknown to agent routes.
 */
export function registerCustomerChatRoutes(app: FastifyInstance, deps: { chat: CustomerChatService }): void {
  const { chat } = deps;

  app.post('/api/customer/sessions', async (request, reply) => {
    const body = parseInput(CustomerSessionRequestSchema, request.body ?? {}, reply, 'body');
    if (!body) return reply;
    return chat.startSession(body);
  });

  app.get('/api/customer/queues', async () => {
    const body: z.infer<typeof CustomerQueuesResponseSchema> = {
      queues: chat.queues().map((q) => ({ id: q.id, name: q.name, channels: q.channels, shopId: q.shopId })),
    };
    return body;
  });

  app.post('/api/customer/messages', async (request, reply) => {
    const customerId = chat.authenticate(request.headers.authorization);
    if (!customerId) return sendError(reply, 401, 'unauthenticated', 'missing or expired customer token');
    const body = parseInput(CustomerMessageRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    try {
      return chat.postMessage(customerId, body);
    } catch (error) {
      return answerRejection(reply, error);
    }
  });

  app.get('/api/customer/conversations/:id/messages', async (request, reply) => {
    const customerId = chat.authenticate(request.headers.authorization);
    if (!customerId) return sendError(reply, 401, 'unauthenticated', 'missing or expired customer token');
    const params = parseInput(Params, request.params, reply, 'params');
    if (!params) return reply;
    try {
      const body: z.infer<typeof CustomerMessagesResponseSchema> = { messages: chat.messagesOf(customerId, params.id) };
      return body;
    } catch (error) {
      return answerRejection(reply, error);
    }
  });
}
