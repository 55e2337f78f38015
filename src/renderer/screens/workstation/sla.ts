import type { Conversation } from '../../../shared/domain/conversations';

/** The pickup limits of ARCHITECTURE §1: 30 s on the platform, 2 min for a shop; a shop replies within 5 min. */
export const PLATFORM_PICKUP_MS = 30_000;
export const MERCHANT_PICKUP_MS = 120_000;
export const MERCHANT_REPLY_MS = 300_000;

export interface SlaClock {
  kind: 'pickup' | 'reply';
  /** time left; negative once the limit has passed */
  remainingMs: number;
  /** ok, soon (the last third), late (past the limit): the row's colour */
  level: 'ok' | 'soon' | 'late';
}

type SlaFields = Pick<Conversation, 'status' | 'shopId' | 'escalatedFromQueueId' | 'queuedAt' | 'createdAt' | 'firstResponseAt' | 'lastCustomerAt' | 'lastAgentAt'>;

function clock(kind: SlaClock['kind'], since: number, limit: number, now: number): SlaClock {
  const remainingMs = since + limit - now;
  return { kind, remainingMs, level: remainingMs < 0 ? 'late' : remainingMs < limit / 3 ? 'soon' : 'ok' };
}

/**
 * The SLA timer that runs for a conversation now, or null. Queued: the pickup limit. A shop's
 * chat (not yet escalated to the platform) also has a first answer within the pickup limit and
 * then a reply within 5 minutes of each customer message the shop has not answered.
 */
export function slaClock(conversation: SlaFields, now: number): SlaClock | null {
  const merchant = conversation.shopId !== null && conversation.escalatedFromQueueId === null;
  const waitingSince = conversation.queuedAt ?? conversation.createdAt;
  if (conversation.status === 'queued') return clock('pickup', waitingSince, merchant ? MERCHANT_PICKUP_MS : PLATFORM_PICKUP_MS, now);
  if (!merchant || conversation.status !== 'assigned') return null;
  if (conversation.firstResponseAt === null) return clock('pickup', waitingSince, MERCHANT_PICKUP_MS, now);
  const asked = conversation.lastCustomerAt;
  if (asked !== null && asked > (conversation.lastAgentAt ?? 0)) return clock('reply', asked, MERCHANT_REPLY_MS, now);
  return null;
}

/** m:ss, with a minus sign once late. */
export function formatCountdown(ms: number): string {
  const late = ms < 0;
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${late ? '-' : ''}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
