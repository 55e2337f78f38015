import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CustomerMessageRequestSchema,
  CustomerRatingRequestSchema,
  CustomerSessionRequestSchema,
  type CustomerMessagesResponseSchema,
  type CustomerQueuesResponseSchema,
  type CustomerRatingResponseSchema,
} from '../../shared/api/customerChat';
import { WS_CLOSE_UNAUTHENTICATED } from '../../shared/api/auth';
import { CustomerAuthFrameSchema, type CustomerHelloSchema } from '../../shared/api/live';
import { IdSchema } from '../../shared/domain/ids';
import { sendError } from '../http/errors';
import { sendTooManyRequests } from '../http/rateLimit';
import { frameType, readFrame } from '../realtime/frames';
import { answerRejection, parseInput } from '../http/validate';
import type { CustomerLimits } from './limits';
import { customerFrames } from './liveFrames';
import type { CustomerLive } from './live';
import type { CsatRatings } from './rating';
import type { CustomerChatService } from './service';

const Params = z.object({ id: IdSchema });

/** A customer socket must say who it is this soon, or it is closed. */
const AUTH_TIMEOUT_MS = 10_000;
const CLOSE_UNSUPPORTED_DATA = 1003;
const CLOSE_POLICY_VIOLATION = 1008;
const MAX_MALFORMED_FRAMES = 10;

/**
 * The customer side's routes under /api/customer. Authenticated with customer tokens only:
 * an agent token is unknown here, and a customer token is unknown to agent routes.
 */
export function registerCustomerChatRoutes(
  app: FastifyInstance,
  deps: { chat: CustomerChatService; live: CustomerLive; ratings: CsatRatings; limits: CustomerLimits },
): void {
  const { chat, live, ratings, limits } = deps;
  const frames = customerFrames(live);

  app.post('/api/customer/sessions', async (request, reply) => {
    const wait = limits.session(request.ip);
    if (wait > 0) return sendTooManyRequests(reply, wait, 'too many customer sessions from this address, try again later');
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
    const wait = limits.message(request.ip, customerId);
    if (wait > 0) return sendTooManyRequests(reply, wait, 'too many messages, slow down');
    const body = parseInput(CustomerMessageRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    try {
      return await chat.postMessage(customerId, body);
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
      const messages = chat.messagesOf(customerId, params.id);
      const body: z.infer<typeof CustomerMessagesResponseSchema> = {
        status: live.statusOf(params.id),
        messages,
        agentReadUpTo: live.agentReadUpTo(params.id),
      };
      return body;
    } catch (error) {
      return answerRejection(reply, error);
    }
  });
  app.post('/api/customer/conversations/:id/rating', async (request, reply) => {
    const customerId = chat.authenticate(request.headers.authorization);
    if (!customerId) return sendError(reply, 401, 'unauthenticated', 'missing or expired customer token');
    const params = parseInput(Params, request.params, reply, 'params');
    if (!params) return reply;
    const body = parseInput(CustomerRatingRequestSchema, request.body, reply, 'body');
    if (!body) return reply;
    try {
      ratings.rate(customerId, params.id, body.csat);
      const answer: z.infer<typeof CustomerRatingResponseSchema> = { conversationId: params.id, csat: body.csat };
      return answer;
    } catch (error) {
      return answerRejection(reply, error);
    }
  });

  // GET /api/customer/ws (src/shared/api/live.ts): the token comes as the first frame, because a
  // browser cannot set headers on a WebSocket and URLs end up in logs.
  app.get('/api/customer/ws', { websocket: true }, (socket, request) => {
    let customerId: string | null = null;
    let detach: (() => void) | null = null;
    let malformed = 0;
    const send = (frame: object): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const start = (id: string): void => {
      customerId = id;
      detach = live.attach(id, socket);
      const hello: z.infer<typeof CustomerHelloSchema> = { t: 'hello', customerId: id };
      send(hello);
    };
    const authTimer = setTimeout(() => {
      if (!customerId) socket.close(WS_CLOSE_UNAUTHENTICATED, 'unauthenticated');
    }, AUTH_TIMEOUT_MS);
    socket.on('close', () => {
      clearTimeout(authTimer);
      detach?.();
    });
    socket.on('pong', () => {
      if (customerId) live.heard(customerId, socket);
    });
    socket.on('message', (data, isBinary) => {
      const frame = readFrame(data, isBinary);
      if (frame.kind === 'binary') {
        socket.close(CLOSE_UNSUPPORTED_DATA, 'binary_frames_not_supported');
      } else if (frame.kind === 'malformed') {
        malformed += 1;
        if (malformed > MAX_MALFORMED_FRAMES) socket.close(CLOSE_POLICY_VIOLATION, 'too_many_malformed_frames');
      } else if (!customerId) {
        const auth = CustomerAuthFrameSchema.safeParse(frame.value);
        const id = auth.success ? chat.authenticate(`Bearer ${auth.data.token}`) : null;
        if (id) start(id);
        else socket.close(WS_CLOSE_UNAUTHENTICATED, 'unauthenticated');
      } else if (limits.frame(customerId) > 0) {
        // Dropped, not queued: typing and read state are only worth their latest value.
        send({ t: 'error', error: 'too_many_requests', message: 'too many frames, slow down' });
      } else {
        live.heard(customerId, socket);
        try {
          // Unknown frame types are ignored, as on the agent socket.
          frames.get(frameType(frame.value) ?? '')?.(customerId, frame.value, send);
        } catch (error) {
          request.log.error({ err: error }, 'customer frame handler failed');
          send({ t: 'error', error: 'internal', message: 'internal server error' });
        }
      }
    });
    const fromHeader = chat.authenticate(request.headers.authorization);
    if (fromHeader) start(fromHeader);
  });
}
