import { z } from 'zod';
import { handoff } from './messages';
import type { BotContext, BotDecision, BotInput, BotProvider } from './types';

/** setTimeout / clearTimeout, injectable so tests move time by hand. */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TimeoutOptions {
  /** How long the customer may wait for the bot. Default 3000 ms. */
  timeoutMs?: number;
  scheduler?: Scheduler;
  /** Told why a provider failed (for the server's log); never given message text. */
  onError?: (error: unknown) => void;
}

/** What any provider (an LLM one included) must return; anything else counts as a failure. */
const DecisionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    text: z.string().trim().min(1),
    articleIds: z.array(z.string()),
    confidence: z.number().min(0).max(1),
  }),
  z.object({
    kind: z.literal('handoff'),
    reason: z.enum(['asked_for_human', 'low_confidence', 'unhelpful_turns', 'sensitive', 'provider_error']),
    text: z.string().trim().min(1),
  }),
]);

export class BotTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`bot provider did not answer within ${timeoutMs} ms`);
    this.name = 'BotTimeoutError';
  }
}

/**
 * Wraps a provider so that the customer is never left hanging: if it does not answer within the
 * time limit, throws, returns something malformed, or the caller aborts, the result is a
 * hand-off with reason 'provider_error'. The returned promise never rejects. On time-out the
 * provider's signal is aborted so it can stop its work (an LLM request, say); whatever it
 * returns afterwards is ignored.
 */
export function withTimeout(provider: BotProvider, options: TimeoutOptions = {}): BotProvider {
  const timeoutMs = options.timeoutMs ?? 3000;
  const scheduler = options.scheduler ?? realScheduler;
  const report = options.onError ?? (() => {});

  return {
    reply(input: BotInput, ctx: BotContext): Promise<BotDecision> {
      const failed = (error: unknown): BotDecision => {
        report(error);
        return handoff('provider_error', input.locale);
      };
      const inner = new AbortController();

      return new Promise<BotDecision>((resolve) => {
        let settled = false;
        const finish = (decision: BotDecision): void => {
          if (settled) return;
          settled = true;
          scheduler.clearTimeout(timer);
          ctx.signal?.removeEventListener('abort', onOuterAbort);
          resolve(decision);
        };
        const onOuterAbort = (): void => {
          inner.abort(ctx.signal?.reason);
          finish(failed(ctx.signal?.reason));
        };
        const timer = scheduler.setTimeout(() => {
          const error = new BotTimeoutError(timeoutMs);
          inner.abort(error);
          finish(failed(error));
        }, timeoutMs);

        if (ctx.signal?.aborted) {
          onOuterAbort();
          return;
        }
        ctx.signal?.addEventListener('abort', onOuterAbort, { once: true });

        let pending: Promise<BotDecision>;
        try {
          pending = Promise.resolve(provider.reply(input, { ...ctx, signal: inner.signal }));
        } catch (error) {
          finish(failed(error));
          return;
        }
        pending.then(
          (decision) => {
            const parsed = DecisionSchema.safeParse(decision);
            finish(parsed.success ? parsed.data : failed(parsed.error));
          },
          (error: unknown) => finish(failed(error)),
        );
      });
    },
  };
}
