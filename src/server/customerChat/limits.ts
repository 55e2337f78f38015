import { RateLimiter, type RateLimit } from '../http/rateLimit';

/**
 * How fast anonymous customers may go. Anyone can open a customer session, so these keep one
 * script from filling the database or drowning the agents. Per IP address counts everyone behind
 * it (a mobile carrier's NAT puts many real customers on one address), so those limits are
 * generous; per session they are about a person typing, with room for a burst of pastes.
 * Behind a reverse proxy every customer has the proxy's address: raise the per-IP limits there.
 */
export interface CustomerRateLimits {
  /** POST /api/customer/sessions (new or resumed) from one IP address */
  sessionsPerIp: RateLimit;
  /** POST /api/customer/messages from one IP address */
  messagesPerIp: RateLimit;
  /** POST /api/customer/messages from one customer session */
  messagesPerSession: RateLimit;
  /** typing and read frames on one customer's sockets */
  framesPerSession: RateLimit;
}

export const DEFAULT_CUSTOMER_RATE_LIMITS: CustomerRateLimits = {
  sessionsPerIp: { limit: 300, windowMs: 60_000 },
  messagesPerIp: { limit: 200, windowMs: 1_000 },
  messagesPerSession: { limit: 20, windowMs: 2_000 },
  framesPerSession: { limit: 50, windowMs: 1_000 },
};

/** The limiters behind CustomerRateLimits. Each check takes a token: 0 = go, else ms to wait. */
export class CustomerLimits {
  private readonly sessionsPerIp: RateLimiter;
  private readonly messagesPerIp: RateLimiter;
  private readonly messagesPerSession: RateLimiter;
  private readonly framesPerSession: RateLimiter;

  /** `now` is a real clock on purpose: a limit is about how fast requests arrive, not domain time. */
  constructor(rules: CustomerRateLimits, now: () => number = () => performance.now()) {
    this.sessionsPerIp = new RateLimiter(rules.sessionsPerIp, now);
    this.messagesPerIp = new RateLimiter(rules.messagesPerIp, now);
    this.messagesPerSession = new RateLimiter(rules.messagesPerSession, now);
    this.framesPerSession = new RateLimiter(rules.framesPerSession, now);
  }

  session(ip: string): number {
    return this.sessionsPerIp.take(ip);
  }

  /** The session's own limit first, so one noisy customer does not use up their neighbours' IP budget. */
  message(ip: string, customerId: string): number {
    return this.messagesPerSession.take(customerId) || this.messagesPerIp.take(ip);
  }

  frame(customerId: string): number {
    return this.framesPerSession.take(customerId);
  }
}
