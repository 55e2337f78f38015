import { stringArray } from '../db/json';
import type { SqliteDatabase } from '../db/sqlite';
import type { AcceptMode, HeldConversation, QueueConfig } from '../routing/types';

/*
 * What the router is built from, read straight from the tables the rest of the server keeps:
 * routing persists nothing of its own. Presence and pending offers live only in memory.
 */

/** An agent's routing profile; presence and load are added by the service. */
export interface AgentProfile {
  id: string;
  teamIds: string[];
  shopId: string | undefined;
  skills: string[];
  maxConcurrent: number;
}

export interface QueuedConversation {
  conversationId: string;
  queueId: string;
  queuedAt: number;
  vip: boolean;
}

export interface AssignedConversation extends HeldConversation {
  agentId: string;
}

/** Shown with an offer so the agent can judge it before they may open the conversation. */
export interface CustomerSummary {
  id: string;
  name: string;
  level: string;
}

export interface DispatchStore {
  queues(): QueueConfig[];
  queue(id: string): QueueConfig | undefined;
  /** users who serve through at least one live team, admins excluded */
  agents(): AgentProfile[];
  agent(id: string): AgentProfile | undefined;
  /** conversations waiting for a human, oldest first */
  queued(): QueuedConversation[];
  /** conversations held by an agent (counting against capacity) */
  assigned(): AssignedConversation[];
  /** the conversations one agent holds */
  heldBy(agentId: string): HeldConversation[];
  isVip(conversationId: string): boolean;
  customerOf(conversationId: string): CustomerSummary | undefined;
}

interface QueueRow {
  id: string;
  kind: QueueConfig['kind'];
  shop_id: string | null;
  max_concurrent: number | null;
}

interface UserRow {
  id: string;
  shop_id: string | null;
  skills: string;
  max_concurrent: number;
}

/** acceptMode: offer (the agent accepts or declines) or auto (assigned at once), for every queue. */
export function createDispatchStore(db: SqliteDatabase, acceptMode: AcceptMode = 'offer'): DispatchStore {
  const queueCols = 'id, kind, shop_id, max_concurrent';
  const liveQueues = db.prepare<[], QueueRow>(`SELECT ${queueCols} FROM queues WHERE deleted = 0 ORDER BY id`);
  const queueById = db.prepare<[string], QueueRow>(`SELECT ${queueCols} FROM queues WHERE id = ? AND deleted = 0`);
  const teamsOfQueue = db.prepare<[string], { team_id: string }>(
    'SELECT qt.team_id FROM queue_teams qt JOIN teams t ON t.id = qt.team_id WHERE qt.queue_id = ? AND t.deleted = 0 ORDER BY qt.team_id',
  );
  const userCols = 'u.id, u.shop_id, u.skills, u.max_concurrent';
  const liveAgents = db.prepare<[], UserRow>(
    `SELECT ${userCols} FROM users u WHERE u.deleted = 0 AND u.role <> 'admin'
       AND EXISTS (SELECT 1 FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = u.id AND t.deleted = 0) ORDER BY u.id`,
  );
  const agentById = db.prepare<[string], UserRow>(`SELECT ${userCols} FROM users u WHERE u.id = ? AND u.deleted = 0 AND u.role <> 'admin'`);
  const teamsOfUser = db.prepare<[string], { team_id: string }>(
    'SELECT m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = ? AND t.deleted = 0 ORDER BY m.team_id',
  );
  const queuedRows = db.prepare<[], { id: string; queue_id: string; queued_at: number | null; created_at: number; level: string | null }>(
    `SELECT c.id, c.queue_id, c.queued_at, c.created_at, cu.level FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id
      WHERE c.status = 'queued' AND c.deleted = 0 ORDER BY COALESCE(c.queued_at, c.created_at), c.id`,
  );
  const assignedRows = db.prepare<[], { id: string; queue_id: string; assignee_id: string }>(
    `SELECT id, queue_id, assignee_id FROM conversations
      WHERE status IN ('assigned', 'waiting_customer') AND assignee_id IS NOT NULL AND deleted = 0 ORDER BY id`,
  );
  const heldRows = db.prepare<[string], { id: string; queue_id: string }>(
    `SELECT id, queue_id FROM conversations
      WHERE assignee_id = ? AND status IN ('assigned', 'waiting_customer') AND deleted = 0 ORDER BY id`,
  );
  const customerRow = db.prepare<[string], { id: string; name: string; level: string }>(
    'SELECT cu.id, cu.name, cu.level FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?',
  );

  const toQueue = (r: QueueRow): QueueConfig => ({
    id: r.id,
    kind: r.kind,
    teamIds: teamsOfQueue.all(r.id).map((t) => t.team_id),
    ...(r.shop_id === null ? {} : { shopId: r.shop_id }),
    ...(r.max_concurrent === null ? {} : { maxConcurrentPerAgent: r.max_concurrent }),
    // The queues table has no accept mode yet: one mode for the whole server.
    acceptMode,
  });
  const toAgent = (r: UserRow): AgentProfile => ({
    id: r.id,
    teamIds: teamsOfUser.all(r.id).map((t) => t.team_id),
    shopId: r.shop_id ?? undefined,
    skills: stringArray(r.skills),
    maxConcurrent: r.max_concurrent,
  });

  return {
    queues: () => liveQueues.all().map(toQueue),
    queue: (id) => {
      const row = queueById.get(id);
      return row ? toQueue(row) : undefined;
    },
    agents: () => liveAgents.all().map(toAgent),
    agent: (id) => {
      const row = agentById.get(id);
      return row ? toAgent(row) : undefined;
    },
    queued: () =>
      queuedRows.all().map((r) => ({ conversationId: r.id, queueId: r.queue_id, queuedAt: r.queued_at ?? r.created_at, vip: r.level === 'VIP' })),
    assigned: () => assignedRows.all().map((r) => ({ conversationId: r.id, queueId: r.queue_id, agentId: r.assignee_id })),
    heldBy: (agentId) => heldRows.all(agentId).map((r) => ({ conversationId: r.id, queueId: r.queue_id })),
    isVip: (conversationId) => customerRow.get(conversationId)?.level === 'VIP',
    customerOf: (conversationId) => customerRow.get(conversationId),
  };
}
