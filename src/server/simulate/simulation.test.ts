import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSchema, MessageSchema } from '../../shared/domain/conversations';
import { F, type FixtureUser } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { Simulation } from './simulation';

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer();
});
afterAll(async () => {
  await t.stop();
});

/** Who serves each fixture queue (the bot-first one is answered by the bot, not accepted). */
const SERVES: Record<string, FixtureUser> = { [F.queueX]: 'p1', [F.queueY]: 'p2', [F.queueA]: 'mA', [F.queueA2]: 'mA', [F.queueB]: 'mB' };

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Simulation', () => {
  it('connects its customers, writes at the pace asked, counts replies, and closes everything on stop', async () => {
    const simulation = new Simulation({ server: t.url, customers: 6, rate: 40, seed: 'test' });
    await simulation.start();
    try {
      expect(simulation.stats()).toMatchObject({ customers: 6, connected: 6 });
      await until(() => (simulation.stats().sent >= 12 ? true : undefined), '12 messages');

      // An agent takes one of the simulated chats and answers it.
      const conversation = await until(async () => {
        const rows = (await t.everything('admin')).rows.filter((r) => r.entity === 'conversations').map((r) => ConversationSchema.parse(r.data));
        return rows.find((c) => c.status === 'queued' && SERVES[c.queueId]);
      }, 'a queued conversation');
      const agent = SERVES[conversation.queueId] as FixtureUser;
      await t.apply(agent, 'conversations.accept', { conversationId: conversation.id });
      await t.apply(agent, 'messages.send', { conversationId: conversation.id, text: '您好，请问有什么可以帮您？' });
      await until(() => (simulation.stats().answered > 0 ? true : undefined), 'an answered message');
    } finally {
      await simulation.stop();
    }

    const stats = simulation.stats();
    expect(stats).toMatchObject({ connected: 0, failed: 0, failures: {} });
    expect(stats.conversations).toBeGreaterThan(0);
    // Every message counted as sent is stored on the server, once.
    const stored = (await t.everything('admin')).rows
      .filter((r) => r.entity === 'messages')
      .map((r) => MessageSchema.parse(r.data))
      .filter((m) => m.senderKind === 'customer');
    expect(new Set(stored.map((m) => m.id)).size).toBe(stats.sent);
  });

  it('fails clearly when no server answers', async () => {
    await expect(new Simulation({ server: 'http://127.0.0.1:9', customers: 1, rate: 1 }).start()).rejects.toThrow();
  });
});
