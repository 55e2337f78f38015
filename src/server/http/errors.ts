import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../../shared/api/auth';

/** Every non-2xx answer has the ApiError shape, so clients parse one thing. */
export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  const body: ApiError = { error, message };
  return reply.code(status).send(body);
}

/**
 * Turns fastify's own failures (bad JSON, body too large, unknown route, thrown bugs) into
 * ApiError bodies. A 5xx never echoes the exception: messages can hold SQL or user data.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    sendError(reply, 404, 'not_found', `no route for ${request.method} ${request.url.split('?')[0]}`);
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return sendError(reply, 500, 'internal', 'internal server error');
    }
    const error =
      status === 413 ? 'payload_too_large'
      : status === 415 ? 'unsupported_media_type'
      : status === 429 ? 'too_many_requests'
      : 'invalid_request';
    return sendError(reply, status, error, err.message);
  });
}
