import { describe, expect, it } from 'vitest';
import { HISTORY_DAYS } from './buildHistory';
import { DEMO_STATIC_ANCHOR, generateDemoData } from './generate';
import { cstHour, DAY } from './time';

const anchor = DEMO_STATIC_ANCHOR;
const { org, history } = generateDemoData({ anchor });
const queues = new Map(org.queues.map((q) => [q.id, q]));
const agents = new Map(org.agents.map((a) => [a.id, a]));
const teamOfShop = (shopId: string) => org.teams.find((t) => t.shopId === shopId)?.id as string;
const { conversations, tickets } = history;

describe('buildHistory: time', () => {
  it('orders messages in time, within the conversation, inside the 90 days before the anchor', () => {
    for (const c of conversations) {
      const first = c.messages[0];
      const last = c.messages[c.messages.length - 1];
      expect(c.startedAt).toBe(first?.at);
      expect(c.closedAt).toBeGreaterThanOrEqual(last?.at ?? Infinity);
      expect(c.closedAt).toBeLessThan(anchor);
      expect(c.startedAt).toBeGreaterThanOrEqual(anchor - HISTORY_DAYS * DAY);
      for (let i = 1; i < c.messages.length; i++) {
        expect((c.messages[i]?.at ?? 0) >= (c.messages[i - 1]?.at ?? Infinity), `${c.id} message ${i}`).toBe(true);
      }
    }
  });

  it('numbers conversations in the order they started', () => {
    for (let i = 1; i < conversations.length; i++) {
      expect((conversations[i]?.startedAt ?? 0) >= (conversations[i - 1]?.startedAt ?? Infinity)).toBe(true);
    }
  });

  it('puts most conversations in working hours (China time)', () => {
    const inDay = conversations.filter((c) => cstHour(c.startedAt) >= 9 && cstHour(c.startedAt) < 22).length;
    expect(inDay / conversations.length).toBeGreaterThan(0.85);
    const days = new Set(conversations.map((c) => Math.floor((anchor - c.startedAt) / DAY)));
    expect(days.size).toBeGreaterThan(80);
  });

  it('keeps ticket timelines in order, before the anchor, ending in the ticket status', () => {
    for (const t of tickets) {
      expect(t.timeline[0]).toMatchObject({ at: t.createdAt, kind: 'status', status: 'pending' });
      expect(t.dueAt).toBeGreaterThan(t.createdAt);
      for (let i = 1; i < t.timeline.length; i++) expect((t.timeline[i]?.at ?? 0) > (t.timeline[i - 1]?.at ?? Infinity), t.id).toBe(true);
      expect(t.timeline[t.timeline.length - 1]?.at ?? Infinity).toBeLessThan(anchor);
      const statuses = t.timeline.filter((e) => e.kind === 'status');
      expect(statuses[statuses.length - 1]?.status, t.id).toBe(t.status);
      const transfers = t.timeline.filter((e) => e.kind === 'transfer');
      if (transfers.length) expect(t.department).toBe(transfers[transfers.length - 1]?.toDepartment);
      if (t.status !== 'pending') expect(t.assigneeId, t.id).toBeDefined();
    }
    const statuses = new Set(tickets.map((t) => t.status));
    expect([...statuses].sort()).toEqual(['closed', 'pending', 'processing', 'resolved']);
  });
});

describe('buildHistory: who talks', () => {
  it('lets only the shop’s own agents answer a merchant chat until it is escalated, then only platform agents', () => {
    const merchant = conversations.filter((c) => c.shopId);
    expect(merchant.length).toBeGreaterThan(300);
    for (const c of merchant) {
      const shopTeam = teamOfShop(c.shopId as string);
      const escalatedAt = c.messages.findIndex((m) => m.event === 'escalated');
      c.messages.forEach((m, i) => {
        if (m.sender !== 'agent') return;
        const teams = agents.get(m.agentId as string)?.teamIds ?? [];
        if (escalatedAt < 0 || i < escalatedAt) expect(teams, `${c.id} ${m.id}`).toContain(shopTeam);
        else expect(teams, `${c.id} ${m.id}`).toContain('team-escalation');
      });
      expect(c.escalated).toBe(escalatedAt >= 0);
    }
  });

  it('moves escalated chats to 升级处理 with their origin queue and whole history', () => {
    const escalated = conversations.filter((c) => c.escalated);
    expect(escalated.length).toBeGreaterThan(30);
    for (const c of escalated) {
      expect(queues.get(c.queueId)?.kind).toBe('escalation');
      expect(queues.get(c.originQueueId as string)).toMatchObject({ kind: 'merchant', shopId: c.shopId });
      expect(c.messages[0]?.sender).toBe('customer');
    }
    for (const c of conversations.filter((x) => !x.escalated)) {
      expect(c.originQueueId).toBeUndefined();
      if (c.shopId) expect(queues.get(c.queueId)?.shopId).toBe(c.shopId);
    }
  });

  it('says what each system line records: one escalation per escalated chat, hand-offs before agents, ratings matching csat', () => {
    for (const c of conversations) {
      const events = c.messages.filter((m) => m.kind === 'event');
      expect(events.every((m) => m.event !== undefined)).toBe(true);
      expect(events.filter((m) => m.event === 'escalated').length, c.id).toBe(c.escalated ? 1 : 0);
      const rated = events.filter((m) => m.event === 'rated');
      expect(rated.length).toBeLessThanOrEqual(1);
      if (rated[0]) expect(rated[0].text, c.id).toContain('★'.repeat(c.csat ?? 0) + '☆'.repeat(5 - (c.csat ?? 0)));
      const handoff = c.messages.findIndex((m) => m.event === 'handoff');
      const firstAgent = c.messages.findIndex((m) => m.sender === 'agent');
      if (handoff >= 0 && firstAgent >= 0) expect(handoff).toBeLessThan(firstAgent);
    }
  });

  it('lets agents of the queue’s teams handle platform chats', () => {
    for (const c of conversations.filter((x) => !x.shopId)) {
      const queueTeams = queues.get(c.queueId)?.teamIds ?? [];
      for (const m of c.messages.filter((x) => x.sender === 'agent')) {
        expect(agents.get(m.agentId as string)?.teamIds.some((t) => queueTeams.includes(t)), `${c.id} ${m.agentId}`).toBe(true);
      }
      if (c.agentId) expect(c.messages.some((m) => m.agentId === c.agentId)).toBe(true);
    }
  });

  it('has the bot answer first only in bot-first queues, on chat, quoting a KB article', () => {
    for (const c of conversations) {
      const bot = c.messages.filter((m) => m.sender === 'bot');
      const origin = queues.get(c.originQueueId ?? c.queueId);
      if (bot.length) {
        expect(origin?.botFirst, c.id).toBe(true);
        expect(c.channel).toBe('chat');
        expect(c.messages[1]?.sender).toBe('bot');
        expect(c.messages[1]?.articleId).toBeDefined();
      }
      expect(origin?.channels, c.id).toContain(c.channel);
    }
    const handedOff = conversations.filter((c) => c.messages.some((m) => m.sender === 'bot') && c.messages.some((m) => m.sender === 'agent'));
    expect(handedOff.length).toBeGreaterThan(300);
    expect(handedOff.every((c) => c.messages.some((m) => m.sender === 'customer' && /人工/.test(m.text)))).toBe(true);
    const botOnly = conversations.filter((c) => c.status === 'resolved' && !c.agentId);
    expect(botOnly.length).toBeGreaterThan(100);
  });

  it('includes internal notes, a rating on many chats, and sensitive-keyword cases flagged by a note', () => {
    expect(conversations.filter((c) => c.messages.some((m) => m.kind === 'note')).length).toBeGreaterThan(300);
    const rated = conversations.filter((c) => c.csat !== undefined);
    expect(rated.length).toBeGreaterThan(400);
    const sensitive = conversations.filter((c) => c.messages.some((m) => m.sender === 'customer' && /投诉|假货|诈骗/.test(m.text)));
    expect(sensitive.length).toBeGreaterThan(20);
    expect(sensitive.filter((c) => c.messages.some((m) => m.kind === 'note' && /敏感词|投诉|假货/.test(m.text))).length).toBeGreaterThan(10);
  });

  it('keeps feedback in 意见反馈 on the feedback channel, answered later by its team', () => {
    const feedback = conversations.filter((c) => c.channel === 'feedback');
    expect(feedback.length).toBeGreaterThan(40);
    for (const c of feedback) {
      expect(queues.get(c.queueId)?.kind).toBe('feedback');
      const firstReply = c.messages.find((m) => m.sender === 'agent');
      expect((firstReply?.at ?? 0) - c.startedAt).toBeGreaterThan(10 * 60_000);
    }
  });
});
