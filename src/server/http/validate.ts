import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Rejection, REJECTION_STATUS } from '../mutations/rejection';
import { sendError } from './errors';

/**
 * Parses a request part with its schema, or answers 400 and returns undefined. zod's messages
 * name the field and the rule ("→ at limit"), never the value, so secrets are not echoed.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  reply: FastifyReply,
  part: 'body' | 'query' | 'params',
): z.infer<S> | undefined {
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  sendError(reply, 400, 'invalid_request', `invalid ${part}: ${z.prettifyError(parsed.error)}`);
  return undefined;
}

/** Runs a service call; a Rejection becomes its HTTP status (403, 404, 409 …). */
export function answerRejection(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof Rejection) return sendError(reply, REJECTION_STATUS[error.code], error.code, error.message);
  throw error;
}
