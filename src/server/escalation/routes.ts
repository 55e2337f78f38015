import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../shared/domain/ids';
import type { CustomerChatService } from '../customerChat/service';
import { sendError } from '../http/errors';
import { answerRejection, parseInput } from '../http/validate';
import type { EscalationService } from './service';

const Params = z.object({ id: IdSchema });

/** The customer's side of escalation (src/shared/api/escalation.ts), with customer tokens only. */
export function registerEscalationRoutes(app: FastifyInstance, deps: { chat: CustomerChatService; escalation: EscalationService }): void {
  const { chat, escalation } = deps;

  const handle = (act: (customerId: string, conversationId: string) => unknown) => async (request: FastifyRequest, reply: FastifyReply) => {
      const customerId = chat.authenticate(request.headers.authorization);
      if (!customerId) return sendError(reply, 401, 'unauthenticated', 'missing or expired customer token');
      const params = parseInput(Params, request.params, reply, 'params');
      if (!params) return reply;
      try {
        return act(customerId, params.id);
      } catch (error) {
        return answerRejection(reply, error);
      }
    };

  app.get('/api/customer/conversations/:id/escalation', handle((customerId, id) => escalation.statusFor(customerId, id)));
  app.post('/api/customer/conversations/:id/escalate', handle((customerId, id) => escalation.requestByCustomer(customerId, id)));
}
