import type { Conversation } from '../../shared/domain/conversations';
import type { AccountsStore, UserRecord } from '../accounts/store';
import type { Domain } from '../domain';
import type { WriteTx } from '../db/writer';
import { loadDemoTickets } from '../tickets/demo';
import type { DemoData } from './data/schema';

/*
 * Loads a generated demo data set (src/server/demo/data) into empty domain tables, in ONE
 * transaction: a crash half-way leaves nothing, and the next start simply loads again. Demo
 * agents that already exist by username (the three accounts older builds created) keep their
 * ids, so their sessions stay valid; every new demo agent gets the same demo password hash.
 * Tickets and their timelines are loaded by the tickets feature (tickets/demo.ts).
 */

export interface DemoLoadResult {
  agents: number;
  customers: number;
  conversations: number;
  messages: number;
  tickets: number;
}

type DemoConversation = DemoData['history']['conversations'][number];
type DemoMessage = DemoConversation['messages'][number];

export function loadDemoData(
  domain: Domain,
  accounts: AccountsStore,
  data: DemoData,
  options: { passwordHash: string; now: number },
): DemoLoadResult {
  const { writer, org, customers, conversations, messages, kb, canned } = domain;
  return writer.write((tx) => {
    for (const shop of data.org.shops) org.insertShop(tx, shop);
    for (const team of data.org.teams) org.insertTeam(tx, { id: team.id, name: team.name, kind: team.kind, shopId: team.shopId ?? null });
    for (const q of data.org.queues) {
      org.insertQueue(tx, {
        id: q.id,
        name: q.name,
        kind: q.kind,
        shopId: q.shopId ?? null,
        teamIds: q.teamIds,
        botFirst: q.botFirst,
        channels: q.channels,
        hours: q.hours,
        maxConcurrent: q.maxConcurrentPerAgent ?? null,
      });
    }

    const userIds = loadAgents(tx, domain, accounts, data, options);
    const user = (agentId: string | undefined): string | null => (agentId === undefined ? null : (userIds.get(agentId) ?? null));

    for (const c of data.customers.customers) {
      customers.insertCustomer(tx, { ...c, email: c.email ?? null, address: c.address ?? null });
    }
    for (const o of data.customers.orders) {
      customers.insertOrder(tx, { ...o, carrier: o.carrier ?? null, trackingNo: o.trackingNo ?? null });
    }
    for (const a of data.kb.articles) {
      kb.insertArticle(tx, { ...a, shopId: a.shopId ?? null, updatedAt: options.now });
    }
    for (const r of data.canned.replies) {
      canned.insertReply(tx, {
        id: r.id,
        scope: r.scope,
        teamId: r.teamId ?? null,
        ownerId: user(r.ownerAgentId),
        shortcut: r.shortcut,
        title: r.title,
        body: r.body,
        updatedAt: options.now,
      });
    }

    const platformUsers = new Set(
      data.org.agents.filter((a) => !a.teamIds.some((t) => data.org.teams.find((team) => team.id === t)?.kind === 'merchant')).map((a) => a.id),
    );
    let messageCount = 0;
    for (const c of data.history.conversations) {
      conversations.insertConversation(tx, historyConversation(c, user));
      conversations.addQueueVisit(c.id, c.queueId, c.startedAt);
      if (c.originQueueId) conversations.addQueueVisit(c.id, c.originQueueId, c.startedAt);
      for (const agentId of new Set(c.messages.flatMap((m) => (m.agentId ? [m.agentId] : [])))) {
        const id = user(agentId);
        if (id && agentId !== c.agentId) conversations.setParticipant(c.id, id, 'former', c.startedAt);
      }
      const assignee = user(c.agentId);
      if (assignee) conversations.setParticipant(c.id, assignee, 'assignee', c.startedAt);
      for (const m of c.messages) {
        messages.insertMessage(tx, {
          id: m.id,
          conversationId: c.id,
          senderKind: m.sender,
          senderId: m.sender === 'customer' ? c.customerId : user(m.agentId),
          kind: m.kind,
          body: m.text,
          event: null,
          articleId: m.articleId ?? null,
          createdAt: m.at,
          platformOnly: m.kind === 'note' && m.agentId !== undefined && platformUsers.has(m.agentId),
          clientMutationId: null,
        });
      }
      messageCount += c.messages.length;
    }
    const ticketCount = loadDemoTickets(tx, domain.tickets, data, user);
    return {
      agents: userIds.size,
      customers: data.customers.customers.length,
      conversations: data.history.conversations.length,
      messages: messageCount,
      tickets: ticketCount,
    };
  });
}

/** Creates the demo agents (or adopts existing users of the same name); returns demo id → user id. */
function loadAgents(
  tx: WriteTx,
  domain: Domain,
  accounts: AccountsStore,
  data: DemoData,
  options: { passwordHash: string; now: number },
): Map<string, string> {
  const ids = new Map<string, string>();
  const fresh: UserRecord[] = [];
  const shopOf = (teamIds: readonly string[]) => data.org.teams.find((t) => teamIds.includes(t.id) && t.shopId)?.shopId ?? null;
  for (const a of data.org.agents) {
    const existing = accounts.userByUsername(a.username);
    ids.set(a.id, existing?.id ?? a.id);
    if (!existing) {
      const shopId = shopOf(a.teamIds);
      fresh.push({
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        teamKind: shopId ? 'merchant' : 'platform',
        passwordHash: options.passwordHash,
        createdAt: options.now,
      });
    }
  }
  accounts.insertUsers(fresh);
  for (const a of data.org.agents) {
    const userId = ids.get(a.id) ?? a.id;
    domain.org.setSeatProfile(tx, userId, { shopId: shopOf(a.teamIds), skills: a.skills, maxConcurrent: a.maxConcurrent });
    for (const teamId of a.teamIds) domain.org.addTeamMember(tx, teamId, userId);
  }
  return ids;
}

/** A finished conversation from history; the lifecycle timestamps are read off its messages. */
function historyConversation(c: DemoConversation, user: (agentId: string | undefined) => string | null): Conversation {
  const first = (pick: (m: DemoMessage) => boolean) => c.messages.find(pick)?.at ?? null;
  const last = (pick: (m: DemoMessage) => boolean) => c.messages.findLast(pick)?.at ?? null;
  const firstAgent = first((m) => m.sender === 'agent' && m.kind === 'text');
  // A bot-first chat is queued when the bot hands off (an event line); others when they start.
  const handOff = first((m) => m.kind === 'event');
  const hadBot = c.messages.some((m) => m.sender === 'bot');
  return {
    id: c.id,
    customerId: c.customerId,
    queueId: c.queueId,
    shopId: c.shopId ?? null,
    channel: c.channel,
    // 'abandoned' (left before pickup) is closed without ever being assigned.
    status: c.status === 'resolved' ? 'resolved' : 'closed',
    assigneeId: user(c.agentId),
    orderId: c.orderId ?? null,
    createdAt: c.startedAt,
    queuedAt: hadBot ? handOff : c.startedAt,
    assignedAt: firstAgent,
    firstResponseAt: firstAgent,
    lastCustomerAt: last((m) => m.sender === 'customer'),
    lastAgentAt: last((m) => m.sender === 'agent' && m.kind === 'text'),
    resolvedAt: c.status === 'resolved' ? c.closedAt : null,
    closedAt: c.status === 'resolved' ? null : c.closedAt,
    category: c.category,
    csat: c.csat ?? null,
    escalatedFromQueueId: c.originQueueId ?? null,
  };
}
