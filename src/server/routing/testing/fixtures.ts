// Builders and a recording harness for the routing tests.
import { Router, type Assignment, type Release, type RouterDeps, type WithdrawReason } from '../router';
import type { AgentState, Offer, QueueConfig, WaitingItem } from '../types';
import { FakeScheduler } from './fakeScheduler';

export function agent(id: string, overrides: Partial<AgentState> = {}): AgentState {
  return { id, teamIds: ['t1'], skills: [], presence: 'online', activeCount: 0, ...overrides };
}

export function queue(id: string, overrides: Partial<QueueConfig> = {}): QueueConfig {
  return { id, kind: 'platform', teamIds: ['t1'], acceptMode: 'offer', ...overrides };
}

export function item(conversationId: string, queueId: string, enqueuedAt: number, overrides: Partial<WaitingItem> = {}): WaitingItem {
  return { conversationId, queueId, enqueuedAt, declinedBy: [], ...overrides };
}

export type RouterEvent =
  | { type: 'offer'; offer: Offer }
  | { type: 'assigned'; assignment: Assignment }
  | { type: 'expired'; offer: Offer }
  | { type: 'withdrawn'; offer: Offer; reason: WithdrawReason }
  | { type: 'released'; release: Release };

export interface Harness {
  clock: FakeScheduler;
  router: Router;
  log: RouterEvent[];
  /** Events logged since the last call, and clears them. */
  take(): RouterEvent[];
  offers(): Offer[];
  assigned(): Assignment[];
}

/** A router on a fake clock that records every event it emits. */
export function harness(
  setup: { queues?: QueueConfig[]; agents?: AgentState[] } & Partial<Omit<RouterDeps, 'now' | 'scheduler' | 'queues'>> = {},
  clock = new FakeScheduler(),
): Harness {
  const { queues = [], agents = [], events, ...options } = setup;
  const log: RouterEvent[] = [];
  const router = new Router({ ...options, now: clock.now, scheduler: clock, queues, events: recorder(log, events) });
  for (const state of agents) router.upsertAgent(state);
  return wrap(clock, router, log);
}

export function recorder(log: RouterEvent[], also: RouterDeps['events'] = {}): NonNullable<RouterDeps['events']> {
  return {
    onOffer: (offer) => {
      log.push({ type: 'offer', offer });
      also.onOffer?.(offer);
    },
    onAssigned: (assignment) => {
      log.push({ type: 'assigned', assignment });
      also.onAssigned?.(assignment);
    },
    onOfferExpired: (offer) => {
      log.push({ type: 'expired', offer });
      also.onOfferExpired?.(offer);
    },
    onOfferWithdrawn: (offer, reason) => {
      log.push({ type: 'withdrawn', offer, reason });
      also.onOfferWithdrawn?.(offer, reason);
    },
    onReleased: (release) => {
      log.push({ type: 'released', release });
      also.onReleased?.(release);
    },
  };
}

export function wrap(clock: FakeScheduler, router: Router, log: RouterEvent[]): Harness {
  return {
    clock,
    router,
    log,
    take: () => log.splice(0, log.length),
    offers: () => log.flatMap((event) => (event.type === 'offer' ? [event.offer] : [])),
    assigned: () => log.flatMap((event) => (event.type === 'assigned' ? [event.assignment] : [])),
  };
}
