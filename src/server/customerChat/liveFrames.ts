import { z } from 'zod';
import { ReadFrameSchema, TypingFrameSchema } from '../../shared/api/live';
import { Rejection } from '../mutations/rejection';
import type { FrameHandler } from '../realtime/frames';
import type { ScopeResolver } from '../scope/resolver';
import type { Scope } from '../scope/scope';
import type { CustomerLive } from './live';

type Send = (frame: object) => void;

/**
 * Validates a frame with its schema and runs the action; a bad frame or a refusal is answered
 * `{t:'error', error, message}` naming the field or the reason, and the socket stays open.
 */
export function liveFrame<S extends z.ZodType, W>(schema: S, act: (who: W, frame: z.infer<S>) => void): (who: W, frame: unknown, send: Send) => void {
  return (who, frame, send) => {
    const parsed = schema.safeParse(frame);
    if (!parsed.success) {
      send({ t: 'error', error: 'invalid_request', message: z.prettifyError(parsed.error) });
      return;
    }
    try {
      act(who, parsed.data);
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      send({ t: 'error', error: error.code, message: error.message });
    }
  };
}

/** The customer socket's frames: typing and read, on the customer's own conversations. */
export function customerFrames(live: CustomerLive): ReadonlyMap<string, (customerId: string, frame: unknown, send: Send) => void> {
  return new Map([
    ['typing', liveFrame(TypingFrameSchema, (customerId: string, f) => live.customerTyping(customerId, f.conversationId, f.typing))],
    ['read', liveFrame(ReadFrameSchema, (customerId: string, f) => live.customerRead(customerId, f.conversationId, f.messageId))],
  ]);
}

/** The agent socket's (GET /api/ws) typing and read frames, next to 'mutate'. */
export function agentLiveFrames(live: CustomerLive, scopes: ScopeResolver): [string, FrameHandler][] {
  const asAgent = (handler: (scope: Scope, frame: unknown, send: Send) => void): FrameHandler => (ctx, frame) => {
    const scope = scopes.scopeFor(ctx.userId);
    if (!scope) ctx.send({ t: 'error', error: 'forbidden', message: 'your account is no longer active' });
    else handler(scope, frame, ctx.send);
  };
  return [
    ['typing', asAgent(liveFrame(TypingFrameSchema, (scope: Scope, f) => live.agentTyping(scope, f.conversationId, f.typing)))],
    ['read', asAgent(liveFrame(ReadFrameSchema, (scope: Scope, f) => live.agentRead(scope, f.conversationId, f.messageId)))],
  ];
}
