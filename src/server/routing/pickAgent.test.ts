import { describe, expect, it } from 'vitest';
import { compareCandidates, effectiveCap, idleFor, isRoutable, pickAgent, servesQueue, shopAllows, transferTargets } from './pickAgent';
import { agent, item, queue } from './testing/fixtures';
import { DEFAULT_MAX_CONCURRENT, type AgentState } from './types';

const NOW = Date.UTC(2025, 0, 6, 9, 0, 0);
const platform = queue('q-platform');
const pick = (agents: AgentState[], q = platform, declinedBy: string[] = []) =>
  pickAgent(q, item('c1', q.id, NOW, { declinedBy }), agents, NOW)?.id;

describe('pickAgent: who may take the chat', () => {
  it('offers only to online agents', () => {
    for (const presence of ['busy', 'away', 'offline'] as const) {
      expect(pick([agent('a', { presence })])).toBeUndefined();
    }
    expect(pick([agent('a', { presence: 'away' }), agent('b')])).toBe('b');
  });

  it('skips an agent whose connection is gone even while their presence says online', () => {
    expect(pick([agent('a', { disconnectedAt: NOW - 1 })])).toBeUndefined();
    expect(isRoutable(agent('a', { disconnectedAt: NOW }))).toBe(false);
  });

  it("takes only agents of the queue's teams", () => {
    const q = queue('q', { teamIds: ['accounts', 'refunds'] });
    expect(pick([agent('a', { teamIds: ['community'] })], q)).toBeUndefined();
    expect(pick([agent('a', { teamIds: ['community', 'refunds'] })], q)).toBe('a');
  });

  it('requires every required skill', () => {
    const q = queue('q', { requiredSkills: ['refunds', 'english'] });
    expect(pick([agent('a', { skills: ['refunds'] })], q)).toBeUndefined();
    expect(pick([agent('a', { skills: ['english', 'refunds', 'vip'] })], q)).toBe('a');
    expect(pick([agent('a')], queue('q', { requiredSkills: [] }))).toBe('a');
  });

  it('never goes back to an agent who declined or let the offer lapse', () => {
    expect(pick([agent('a'), agent('b')], platform, ['a'])).toBe('b');
    expect(pick([agent('a')], platform, ['a'])).toBeUndefined();
  });

  it('returns undefined when there are no agents at all', () => {
    expect(pick([])).toBeUndefined();
  });
});

describe('pickAgent: merchant isolation', () => {
  const shopQueue = queue('q-shop-a', { kind: 'merchant', shopId: 'shop-a', teamIds: ['shop-a-team', 't1'] });
  const shopA = agent('shop-a-1', { shopId: 'shop-a', teamIds: ['shop-a-team'] });
  const shopB = agent('shop-b-1', { shopId: 'shop-b', teamIds: ['shop-a-team'] });
  const platformAgent = agent('platform-1', { teamIds: ['t1'] });

  it("offers a shop's chat only to that shop's agents", () => {
    expect(pick([shopB, platformAgent], shopQueue)).toBeUndefined();
    expect(pick([shopB, platformAgent, shopA], shopQueue)).toBe('shop-a-1');
  });

  it('never gives platform or escalation chats to merchant agents, even in a shared team', () => {
    const merchantInPlatformTeam = agent('m', { shopId: 'shop-a', teamIds: ['t1'] });
    expect(pick([merchantInPlatformTeam], platform)).toBeUndefined();
    expect(pick([merchantInPlatformTeam], queue('esc', { kind: 'escalation' }))).toBeUndefined();
    expect(pick([merchantInPlatformTeam], queue('fb', { kind: 'feedback' }))).toBeUndefined();
  });

  it('serves a merchant queue without a shop with nobody (fails closed)', () => {
    const broken = queue('q', { kind: 'merchant', teamIds: ['t1'] });
    expect(shopAllows(agent('a'), broken)).toBe(false);
    expect(shopAllows(agent('a', { shopId: 'shop-a' }), broken)).toBe(false);
  });

  it('servesQueue combines team, shop and skills', () => {
    expect(servesQueue(shopA, shopQueue)).toBe(true);
    expect(servesQueue(shopB, shopQueue)).toBe(false);
    expect(servesQueue(platformAgent, shopQueue)).toBe(false);
  });
});

describe('pickAgent: capacity', () => {
  it(`caps every agent at ${DEFAULT_MAX_CONCURRENT} chats by default`, () => {
    expect(DEFAULT_MAX_CONCURRENT).toBe(5);
    expect(pick([agent('a', { activeCount: 5 })])).toBeUndefined();
    expect(pick([agent('a', { activeCount: 4 })])).toBe('a');
  });

  it("uses the agent's own cap when set", () => {
    expect(pick([agent('a', { maxConcurrent: 2, activeCount: 2 })])).toBeUndefined();
    expect(pick([agent('a', { maxConcurrent: 8, activeCount: 7 })])).toBe('a');
  });

  it("lowers the cap to the queue's override, never raises it", () => {
    const strict = queue('q', { maxConcurrentPerAgent: 3 });
    expect(effectiveCap(agent('a'), strict)).toBe(3);
    expect(effectiveCap(agent('a', { maxConcurrent: 2 }), strict)).toBe(2);
    expect(effectiveCap(agent('a', { maxConcurrent: 2 }), queue('q', { maxConcurrentPerAgent: 10 }))).toBe(2);
    expect(effectiveCap(agent('a'))).toBe(5);
    expect(pick([agent('a', { activeCount: 3 })], strict)).toBeUndefined();
    expect(pick([agent('a', { activeCount: 2 })], strict)).toBe('a');
  });

  it('takes nobody when the cap is zero', () => {
    expect(pick([agent('a', { maxConcurrent: 0 })])).toBeUndefined();
  });

  it('counts the load the caller supplies (the router adds pending offers)', () => {
    const a = agent('a', { activeCount: 4 });
    expect(pickAgent(platform, item('c', 'q', NOW), [a], NOW, { loadOf: (x) => x.activeCount + 1 })).toBeUndefined();
    expect(pickAgent(platform, item('c', 'q', NOW), [a], NOW, { skip: () => true })).toBeUndefined();
  });
});

describe('pickAgent: ordering', () => {
  it('prefers the lowest load ratio over the lowest count', () => {
    // a: 2 of 5 = 0.4, b: 1 of 2 = 0.5
    expect(pick([agent('b', { activeCount: 1, maxConcurrent: 2 }), agent('a', { activeCount: 2 })])).toBe('a');
  });

  it('breaks an equal ratio by the absolute count', () => {
    // a: 2 of 4, b: 1 of 2: both 0.5
    expect(pick([agent('a', { activeCount: 2, maxConcurrent: 4 }), agent('b', { activeCount: 1, maxConcurrent: 2 })])).toBe('b');
  });

  it('then gives it to whoever has been idle the longest', () => {
    const agents = [agent('a', { activeCount: 1, lastAssignedAt: NOW - 1_000 }), agent('b', { activeCount: 1, lastAssignedAt: NOW - 60_000 })];
    expect(pick(agents)).toBe('b');
  });

  it('counts an agent who never had a chat as idle the longest', () => {
    expect(pick([agent('b', { lastAssignedAt: NOW - 3_600_000 }), agent('z')])).toBe('z');
    expect(idleFor(agent('z'), NOW)).toBe(Number.POSITIVE_INFINITY);
    expect(idleFor(agent('z', { lastAssignedAt: NOW - 5 }), NOW)).toBe(5);
  });

  it('breaks a full tie by id, whatever the input order', () => {
    const agents = [agent('c'), agent('a'), agent('b')];
    expect(pick(agents)).toBe('a');
    expect(pick([...agents].reverse())).toBe('a');
    const tied = [agent('n2', { lastAssignedAt: NOW - 10 }), agent('n1', { lastAssignedAt: NOW - 10 })];
    expect(pick(tied)).toBe('n1');
  });

  it('compareCandidates is antisymmetric and zero only for the same agent', () => {
    const x = { agent: agent('x', { lastAssignedAt: NOW - 5 }), load: 1, cap: 5 };
    const y = { agent: agent('y'), load: 1, cap: 5 };
    expect(Math.sign(compareCandidates(x, y, NOW))).toBe(-Math.sign(compareCandidates(y, x, NOW)));
    expect(compareCandidates(x, x, NOW)).toBe(0);
  });
});

describe('transferTargets', () => {
  const agents = [
    agent('full', { activeCount: 5 }),
    agent('busy', { presence: 'busy' }),
    agent('two', { activeCount: 2 }),
    agent('zero'),
    agent('other-team', { teamIds: ['t2'] }),
    agent('merchant', { shopId: 'shop-a' }),
  ];

  it('lists the online members of a team with spare capacity, best first', () => {
    expect(transferTargets({ teamId: 't1' }, agents, NOW).map((target) => target.agentId)).toEqual(['merchant', 'zero', 'two']);
    expect(transferTargets({ teamId: 't2' }, agents, NOW)).toEqual([{ agentId: 'other-team', activeCount: 0, capacity: 5, spare: 5 }]);
  });

  it("lists a queue's eligible agents with the queue's cap", () => {
    const targets = transferTargets({ queue: queue('q', { maxConcurrentPerAgent: 3 }) }, agents, NOW);
    expect(targets).toEqual([
      { agentId: 'zero', activeCount: 0, capacity: 3, spare: 3 },
      { agentId: 'two', activeCount: 2, capacity: 3, spare: 1 },
    ]);
  });

  it('can leave out the agent transferring the chat', () => {
    expect(transferTargets({ teamId: 't1' }, agents, NOW, { excludeAgentId: 'zero' }).map((target) => target.agentId)).toEqual(['merchant', 'two']);
  });
});
