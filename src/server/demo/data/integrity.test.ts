import { describe, expect, it } from 'vitest';
import { DEMO_STATIC_ANCHOR, generateDemoData } from './generate';
import { MAINLAND_MOBILE } from './schema';
import { cstDateCode } from './time';

const data = generateDemoData({ anchor: DEMO_STATIC_ANCHOR });
const { org, kb, canned, customers, history } = data;
const ids = <T extends { id: string }>(rows: T[]) => new Set(rows.map((r) => r.id));
const teamIds = ids(org.teams);
const queueIds = ids(org.queues);
const agentIds = ids(org.agents);
const shopIds = ids(org.shops);
const customerIds = ids(customers.customers);
const orderIds = ids(customers.orders);
const articleIds = ids(kb.articles);
const conversationIds = ids(history.conversations);
const platformTeams = org.teams.filter((t) => t.kind === 'platform').map((t) => t.id);

describe('demo data counts', () => {
  it('has the required queues, teams and shops', () => {
    expect(org.shops).toHaveLength(2);
    expect(org.teams.filter((t) => t.kind === 'merchant')).toHaveLength(2);
    const names = org.queues.map((q) => q.name);
    for (const name of ['账号与安全', '交易与退款', '内容与社区', '升级处理', '意见反馈']) expect(names).toContain(name);
    expect(org.queues.find((q) => q.name === '升级处理')?.kind).toBe('escalation');
    expect(org.queues.find((q) => q.name === '意见反馈')).toMatchObject({ kind: 'feedback', channels: ['feedback'] });
    expect(org.queues.filter((q) => q.kind === 'merchant')).toHaveLength(2);
  });

  it('has 20 agents, 2 leads on platform teams, one admin, and the seeded demo accounts', () => {
    expect(org.agents.filter((a) => a.role === 'agent')).toHaveLength(20);
    const leads = org.agents.filter((a) => a.role === 'lead');
    expect(leads).toHaveLength(2);
    for (const lead of leads) expect(lead.teamIds.every((t) => platformTeams.includes(t))).toBe(true);
    expect(org.agents.filter((a) => a.role === 'admin').map((a) => a.username)).toEqual(['admin']);
    const byName = new Map(org.agents.map((a) => [a.username, a]));
    expect(byName.get('agent')).toMatchObject({ displayName: '李小满', role: 'agent' });
    expect(byName.get('agent')?.teamIds.every((t) => platformTeams.includes(t))).toBe(true);
    expect(byName.get('lead')).toMatchObject({ displayName: '王组长', role: 'lead' });
    const firstShopTeam = org.teams.find((t) => t.shopId === org.shops[0]?.id)?.id;
    expect(byName.get('shop')).toMatchObject({ displayName: '小铺客服', role: 'agent', teamIds: [firstShopTeam] });
    for (const team of org.teams) expect(org.agents.some((a) => a.role === 'agent' && a.teamIds.includes(team.id)), team.id).toBe(true);
  });

  it('has about 200 articles, 100 canned replies, 300 customers and plenty of orders', () => {
    expect(kb.articles.length).toBeGreaterThanOrEqual(190);
    expect(kb.articles.length).toBeLessThanOrEqual(215);
    for (const shop of org.shops) {
      const own = kb.articles.filter((a) => a.shopId === shop.id).length;
      expect(own).toBeGreaterThanOrEqual(9);
      expect(own).toBeLessThanOrEqual(12);
    }
    expect(canned.replies.length).toBeGreaterThanOrEqual(90);
    expect(canned.replies.length).toBeLessThanOrEqual(110);
    expect(customers.customers.length).toBe(300);
    expect(customers.orders.length).toBeGreaterThan(500);
  });

  it('has about 1,500 conversations of 4–14 messages and about 150 tickets', () => {
    expect(history.conversations.length).toBe(1500);
    for (const c of history.conversations) {
      expect(c.messages.length, c.id).toBeGreaterThanOrEqual(4);
      expect(c.messages.length, c.id).toBeLessThanOrEqual(14);
    }
    expect(history.tickets.length).toBeGreaterThanOrEqual(120);
    expect(history.tickets.length).toBeLessThanOrEqual(200);
    const resolvedOrClosed = history.conversations.filter((c) => c.status === 'resolved' || c.status === 'closed').length;
    expect(resolvedOrClosed / history.conversations.length).toBeGreaterThan(0.9);
  });
});

describe('demo data referential integrity', () => {
  it('org: teams, queues and agents point at what exists; merchant queues belong to their shop team', () => {
    for (const t of org.teams) if (t.shopId) expect(shopIds.has(t.shopId)).toBe(true);
    for (const a of org.agents) for (const t of a.teamIds) expect(teamIds.has(t), `${a.username} → ${t}`).toBe(true);
    for (const q of org.queues) {
      for (const t of q.teamIds) expect(teamIds.has(t)).toBe(true);
      const teams = q.teamIds.map((t) => org.teams.find((x) => x.id === t));
      if (q.kind === 'merchant') {
        expect(shopIds.has(q.shopId as string)).toBe(true);
        expect(teams.every((t) => t?.kind === 'merchant' && t.shopId === q.shopId), q.id).toBe(true);
      } else {
        expect(teams.every((t) => t?.kind === 'platform'), q.id).toBe(true);
      }
    }
  });

  it('kb: shop articles are visible to their shop team only, platform articles to every platform team', () => {
    for (const a of kb.articles) {
      for (const t of a.teamIds) expect(teamIds.has(t)).toBe(true);
      if (a.shopId) {
        const shopTeams = org.teams.filter((t) => t.shopId === a.shopId).map((t) => t.id);
        expect(a.teamIds, a.id).toEqual(shopTeams);
      } else {
        for (const t of platformTeams) expect(a.teamIds, a.id).toContain(t);
      }
    }
  });

  it('canned: team replies name a team, personal ones an agent', () => {
    for (const r of canned.replies) {
      if (r.scope === 'team') expect(teamIds.has(r.teamId as string), r.id).toBe(true);
      else expect(agentIds.has(r.ownerAgentId as string), r.id).toBe(true);
    }
  });

  it('orders: belong to existing customers and shops, come after the account, add up, and carry their date', () => {
    const byCustomer = new Map(customers.customers.map((c) => [c.id, c]));
    for (const o of customers.orders) {
      expect(customerIds.has(o.customerId)).toBe(true);
      expect(shopIds.has(o.shopId)).toBe(true);
      expect(o.createdAt).toBeGreaterThan(byCustomer.get(o.customerId)?.createdAt ?? Infinity);
      expect(o.createdAt).toBeLessThan(DEMO_STATIC_ANCHOR);
      const fen = o.items.reduce((sum, it) => sum + Math.round(it.price * 100) * it.qty, 0);
      expect(Math.round(o.total * 100)).toBe(fen);
      expect(o.id.slice(2, 10)).toBe(cstDateCode(o.createdAt));
      expect(o.carrier === undefined).toBe(o.trackingNo === undefined);
    }
  });

  it('conversations: customer, queue, shop, order, agents and articles all exist', () => {
    for (const c of history.conversations) {
      expect(customerIds.has(c.customerId)).toBe(true);
      expect(queueIds.has(c.queueId)).toBe(true);
      if (c.originQueueId) expect(queueIds.has(c.originQueueId)).toBe(true);
      if (c.shopId) expect(shopIds.has(c.shopId)).toBe(true);
      if (c.orderId) expect(orderIds.has(c.orderId)).toBe(true);
      if (c.agentId) expect(agentIds.has(c.agentId)).toBe(true);
      for (const m of c.messages) {
        if (m.agentId) expect(agentIds.has(m.agentId)).toBe(true);
        if (m.articleId) expect(articleIds.has(m.articleId)).toBe(true);
      }
    }
  });

  it('conversations about an order are the ordering customer’s, at that shop, after the order was placed', () => {
    const orders = new Map(customers.orders.map((o) => [o.id, o]));
    for (const c of history.conversations.filter((x) => x.orderId)) {
      const o = orders.get(c.orderId as string);
      expect(o?.customerId, c.id).toBe(c.customerId);
      if (c.shopId) expect(o?.shopId, c.id).toBe(c.shopId);
      expect(o?.createdAt ?? Infinity).toBeLessThan(c.startedAt);
    }
  });

  it('tickets: customer, order, conversation, department and people exist; chat tickets are announced in the chat', () => {
    const conversations = new Map(history.conversations.map((c) => [c.id, c]));
    for (const t of history.tickets) {
      expect(customerIds.has(t.customerId)).toBe(true);
      if (t.orderId) expect(orderIds.has(t.orderId)).toBe(true);
      expect(platformTeams).toContain(t.department);
      if (t.assigneeId) expect(agentIds.has(t.assigneeId)).toBe(true);
      for (const e of t.timeline) {
        expect(e.by === 'system' || agentIds.has(e.by), `${t.id} by ${e.by}`).toBe(true);
        if (e.toDepartment) expect(platformTeams).toContain(e.toDepartment);
      }
      if (t.conversationId) {
        expect(conversationIds.has(t.conversationId)).toBe(true);
        const c = conversations.get(t.conversationId);
        expect(c?.customerId).toBe(t.customerId);
        expect(c?.messages.some((m) => m.event === 'ticket' && m.text.includes(t.id)), t.id).toBe(true);
      }
    }
    expect(history.tickets.filter((t) => t.conversationId).length).toBeGreaterThan(60);
  });
});

describe('demo data uniqueness and formats', () => {
  it('never reuses an id across all records', () => {
    const all = [
      ...org.teams,
      ...org.shops,
      ...org.queues,
      ...org.agents,
      ...kb.articles,
      ...canned.replies,
      ...customers.customers,
      ...customers.orders,
      ...history.conversations,
      ...history.conversations.flatMap((c) => c.messages),
      ...history.tickets,
    ].map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('has unique usernames, KB titles, customer names and phones, and shortcuts unique per scope', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(org.agents.map((a) => a.username));
    unique(kb.articles.map((a) => a.title));
    unique(customers.customers.map((c) => c.name));
    unique(customers.customers.map((c) => c.phone));
    unique(canned.replies.map((r) => `${r.scope}:${r.teamId ?? r.ownerAgentId}:${r.shortcut}`));
  });

  it('uses fake, format-valid 11-digit mainland mobile numbers (1XX0000XXXX) and example.com mail', () => {
    for (const c of customers.customers) {
      expect(c.phone).toMatch(MAINLAND_MOBILE);
      expect(c.phone).toMatch(/^1[3-9]\d0000\d{4}$/);
      if (c.email) expect(c.email).toMatch(/@example\.com$/);
    }
  });

  it('uses only the declared canned-reply variables and leaves no template placeholder in generated text', () => {
    for (const r of canned.replies) {
      for (const [, name] of r.body.matchAll(/\{\{([^}]*)\}\}/g)) expect(['customer.name', 'order.id', 'agent.name']).toContain(name);
      expect(r.body.replace(/\{\{[^}]*\}\}/g, '')).not.toMatch(/[{}]/);
    }
    const texts = [
      ...history.conversations.flatMap((c) => c.messages.map((m) => m.text)),
      ...history.tickets.flatMap((t) => [t.title, ...t.timeline.map((e) => e.text)]),
      ...kb.articles.map((a) => a.body),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(/#TICKET/);
      expect(text).not.toMatch(/undefined|NaN/);
    }
  });
});
