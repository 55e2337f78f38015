import { FakeScheduler } from '../routing/testing/fakeScheduler';
import type { StartServerOptions } from '../app';
import { F, type FixtureUser } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { openCollector, type Frame, type WsCollector } from '../testing/wsClient';

/*
 * A fixture server whose clock and timers (offer timeouts, grace periods, SLA dues) are one
 * FakeScheduler: `timers.advance(ms)` moves server time and fires what falls due on the way.
 * The fixture org plus a platform escalation queue served by team Y.
 */

export const ESCALATION_QUEUE = 'queue-esc';

export interface TimedServer extends FixtureServer {
  timers: FakeScheduler;
  /** opens a socket for the user and sets them online; resolves once both happened */
  online(user: FixtureUser): Promise<WsCollector>;
}

/** Offer events for this conversation on the socket so far. */
export function offersOf(ws: WsCollector, conversationId: string): Frame[] {
  return ws.frames.filter((f) => f.t === 'event' && f.name === 'offers.changed' && (f.payload as { conversationId?: string }).conversationId === conversationId);
}

/** Resolves with the next offer of this conversation the socket receives (or has received). */
export function nextOffer(ws: WsCollector, conversationId: string, timeoutMs?: number): Promise<Frame> {
  return ws.next((f) => f.t === 'event' && f.name === 'offers.changed' && (f.payload as { conversationId?: string }).conversationId === conversationId, timeoutMs);
}

/** Lets frames already sent by the server arrive, before asserting that one did not. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

export async function startTimedServer(options: Partial<StartServerOptions> & { timers?: FakeScheduler } = {}): Promise<TimedServer> {
  const { timers = new FakeScheduler(), ...rest } = options;
  const t = await startFixtureServer({ now: timers.now, scheduler: timers, ...rest });
  const { domain } = t.internals;
  if (!domain.org.queue(ESCALATION_QUEUE)) {
    domain.writer.write((tx) =>
      domain.org.insertQueue(tx, {
        id: ESCALATION_QUEUE,
        name: '升级处理',
        kind: 'escalation',
        shopId: null,
        teamIds: [F.teamY],
        botFirst: false,
        channels: ['chat', 'dm'],
        hours: '24x7',
        maxConcurrent: null,
      }),
    );
  }
  return {
    ...t,
    timers,
    async online(user) {
      const ws = await openCollector(t.url, t.tokens[user]);
      await t.apply(user, 'presence.set', { presence: 'online' });
      return ws;
    },
  };
}
