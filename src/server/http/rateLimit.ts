import type { FastifyReply } from 'fastify';
import { sendError } from './errors';

/** At most `limit` events per `windowMs` for each key, with bursts of up to `limit`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Above this many keys, keys whose bucket has refilled are dropped, so random keys cannot fill memory. */
const SWEEP_ABOVE = 10_000;

/**
 * A token bucket per key (an IP address, a customer): each event takes a token, tokens come back
 * at limit/windowMs, and an empty bucket says how long until the next one. In memory, per
 * process: a restart forgives, which is fine for a limit that protects the server, not an audit.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number,
  ) {
    this.perMs = rule.limit / rule.windowMs;
  }

  /** Takes a token for `key`: 0 when allowed, else the milliseconds until one is available. */
  take(key: string): number {
    const at = this.now();
    const bucket = this.refilled(key, at);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs));
  }

  private refilled(key: string, at: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(at);
      bucket = { tokens: this.rule.limit, at };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.rule.limit, bucket.tokens + (at - bucket.at) * this.perMs);
    bucket.at = at;
    return bucket;
  }

  private sweep(at: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) * this.perMs >= this.rule.limit) this.buckets.delete(key);
    }
  }
}

/** 429 with Retry-After in whole seconds (RFC 9110 §10.2.3), at least 1. */
export function sendTooManyRequests(reply: FastifyReply, retryAfterMs: number, message: string): FastifyReply {
  reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  return sendError(reply, 429, 'too_many_requests', message);
}
