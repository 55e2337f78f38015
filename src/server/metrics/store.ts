import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
import { visibleFilter } from '../scope/predicates';
import type { Scope } from '../scope/scope';
import { APPEAL_RULE_IDS } from '../../shared/metrics/kpis';
// Shared with the workstation core, which builds the same reports from its cache.
import type { TimedMessage } from '../../shared/metrics/group';
import type { ReportConversation } from '../../shared/metrics/report';

/*
 * The scoped reads behind the monitor and the reports: a handful of grouped queries over the
 * caller's queues or agents (the sync scope predicates, so a lead never counts another team's
 * rows), each on an index of migration 6. The figures themselves are computed from these rows by
 * the shared KPI formulas (shared/metrics/kpis.ts).
 */

export interface QueueInfo {
  id: string;
  name: string;
  kind: 'platform' | 'merchant' | 'escalation' | 'feedback';
  shopId: string | null;
}

export interface QueueLive {
  queueId: string;
  waiting: number;
  oldestQueuedAt: number | null;
  active: number;
}

export interface QueueEntry {
  queueId: string;
  queuedAt: number;
  assignedAt: number | null;
}

/** Per merchant queue: visits started in the period and the SLA breaches fired on them. */
export interface MerchantSlaCounts {
  queueId: string;
  /** visits that started at least `decidedBefore` (their 2-minute pickup outcome is known) */
  decidedVisits: number;
  visits: number;
  noPickup: number;
  noReply: number;
}

export interface AgentInfo {
  id: string;
  name: string;
  maxConcurrent: number;
}

export interface AgentDay {
  agentId: string;
  active: number;
  resolved: number;
  avgFirstResponseMs: number | null;
  openQcFlags: number;
}

export interface MetricsReads {
  queues(scope: Scope): QueueInfo[];
  queueLive(scope: Scope): QueueLive[];
  /** entries of the caller's queues with queued_at >= since (the queue they are in now) */
  queueEntries(scope: Scope, since: number): QueueEntry[];
  merchantSla(scope: Scope, since: number, decidedBefore: number): MerchantSlaCounts[];
  escalatedSince(scope: Scope, since: number): Map<string, number>;
  /** The agent reads take `only`: those of the caller's agents alone (the monitor's look at the agents a change touched). */
  agents(scope: Scope, only?: readonly string[]): AgentInfo[];
  agentDays(scope: Scope, since: number, only?: readonly string[]): AgentDay[];
  /**
   * customer and agent text messages since `since` in conversations the caller's agents answered since then, by conversation
   * and time; with `only`, in those of them that one of `only` holds or held (every reply of theirs, and the others' replies there)
   */
  agentMessagesSince(scope: Scope, since: number, only?: readonly string[]): TimedMessage[];
  /** visible conversations created in [from, to) that reached a person's queue */
  reportConversations(scope: Scope, from: number, to: number): ReportConversation[];
  /** customer and agent text messages of those conversations, by conversation and time */
  reportMessages(scope: Scope, from: number, to: number): TimedMessage[];
  /** queues and agents of the rows committed in the seq range [from, to]: what the monitor must look at again */
  touched(from: number, to: number): { queueIds: Set<string>; agentIds: Set<string> };
  /** display names of those agents / teams / shops the caller may see; the others are left out */
  visibleNames(entity: 'agents' | 'teams' | 'shops', scope: Scope, ids: readonly string[]): Map<string, string>;
}

const ACTIVE = "('assigned', 'waiting_customer')";

export function createMetricsStore(db: SqliteDatabase): MetricsReads {
  const statements = new Map<string, NamedStatement>();
  /** Runs `sql` (prepared once per text: a few scope shapes) with the scope's parameters. */
  const all = <R>(sql: string, scope: Scope, params: Record<string, SqlValue> = {}): R[] => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<[Record<string, SqlValue>], unknown>(sql);
      statements.set(sql, stmt);
    }
    const filterParams = visibleFilter('queues', scope).params;
    return stmt.all({ ...filterParams, ...params }) as R[];
  };
  const myQueues = (scope: Scope) => `SELECT t.id FROM queues t WHERE t.deleted = 0 AND (${visibleFilter('queues', scope).sql})`;
  const onlyIds = 'SELECT value FROM json_each(@only)';
  const onlyAgents = (only: readonly string[] | undefined) => (only ? ` AND t.id IN (${onlyIds})` : '');
  const onlyParam = (only: readonly string[] | undefined): Record<string, SqlValue> => (only ? { only: JSON.stringify(only) } : {});
  const myAgents = (scope: Scope, only?: readonly string[]) =>
    `SELECT t.id FROM users t WHERE t.deleted = 0 AND t.role = 'agent' AND (${visibleFilter('agents', scope).sql})${onlyAgents(only)}`;
  const myConversations = (scope: Scope) => `SELECT t.id FROM conversations t WHERE (${visibleFilter('conversations', scope).sql})`;

  // Every queue a changed conversation is or was in (a move or escalation empties the old one) and
  // everyone who held it (a transfer frees the former agent), plus the agents of changed QC flags.
  const touchedRows = db.prepare<[{ from: number; to: number }], { kind: 'q' | 'a'; id: string }>(
    `WITH changed AS (SELECT id FROM conversations WHERE seq BETWEEN @from AND @to)
     SELECT 'q' AS kind, queue_id AS id FROM conversations WHERE seq BETWEEN @from AND @to
     UNION SELECT 'q', queue_id FROM conversation_queues WHERE conversation_id IN (SELECT id FROM changed)
     UNION SELECT 'a', user_id FROM conversation_participants WHERE conversation_id IN (SELECT id FROM changed)
     UNION SELECT 'a', agent_id FROM qc_flags WHERE seq BETWEEN @from AND @to AND agent_id IS NOT NULL`,
  );

  return {
    queues: (scope) =>
      all<{ id: string; name: string; kind: QueueInfo['kind']; shop_id: string | null }>(
        `SELECT t.id, t.name, t.kind, t.shop_id FROM queues t WHERE t.deleted = 0 AND (${visibleFilter('queues', scope).sql}) ORDER BY t.name, t.id`,
        scope,
      ).map((r) => ({ id: r.id, name: r.name, kind: r.kind, shopId: r.shop_id })),

    queueLive: (scope) =>
      all<QueueLive>(
        `SELECT queue_id AS queueId, SUM(status = 'queued') AS waiting,
           MIN(CASE WHEN status = 'queued' THEN queued_at END) AS oldestQueuedAt, SUM(status IN ${ACTIVE}) AS active
         FROM conversations WHERE queue_id IN (${myQueues(scope)}) AND status IN ('queued', 'assigned', 'waiting_customer') AND deleted = 0
         GROUP BY queue_id`,
        scope,
      ),

    queueEntries: (scope, since) =>
      all<QueueEntry>(
        `SELECT queue_id AS queueId, queued_at AS queuedAt, assigned_at AS assignedAt FROM conversations
         WHERE queue_id IN (${myQueues(scope)}) AND queued_at >= @since AND deleted = 0`,
        scope,
        { since },
      ),

    merchantSla: (scope, since, decidedBefore) =>
      all<MerchantSlaCounts>(
        `SELECT cq.queue_id AS queueId, COUNT(*) AS visits, SUM(cq.since <= @decided) AS decidedVisits,
           SUM(EXISTS (SELECT 1 FROM sla_breaches b WHERE b.conversation_id = cq.conversation_id AND b.kind = 'no_pickup_2m' AND b.due_at >= cq.since)) AS noPickup,
           SUM(EXISTS (SELECT 1 FROM sla_breaches b WHERE b.conversation_id = cq.conversation_id AND b.kind = 'no_reply_5m' AND b.fired_at >= @since)) AS noReply
         FROM conversation_queues cq JOIN queues q ON q.id = cq.queue_id
         WHERE cq.queue_id IN (${myQueues(scope)}) AND q.kind = 'merchant' AND cq.since >= @since
         GROUP BY cq.queue_id`,
        scope,
        { since, decided: decidedBefore },
      ),

    escalatedSince: (scope, since) =>
      new Map(
        all<{ queueId: string; n: number }>(
          `SELECT escalated_from_queue_id AS queueId, COUNT(*) AS n FROM conversations
           WHERE escalated_from_queue_id IN (${myQueues(scope)}) AND queued_at >= @since AND deleted = 0 GROUP BY escalated_from_queue_id`,
          scope,
          { since },
        ).map((r) => [r.queueId, r.n]),
      ),

    agents: (scope, only) =>
      all<AgentInfo>(
        `SELECT t.id, t.display_name AS name, t.max_concurrent AS maxConcurrent FROM users t
         WHERE t.deleted = 0 AND t.role = 'agent' AND (${visibleFilter('agents', scope).sql})${onlyAgents(only)} ORDER BY t.display_name, t.id`,
        scope,
        onlyParam(only),
      ),

    agentDays: (scope, since, only) =>
      all<AgentDay>(
        `SELECT a.id AS agentId,
           (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.id AND c.status IN ${ACTIVE} AND c.deleted = 0) AS active,
           (SELECT COUNT(*) FROM conversations c WHERE c.assignee_id = a.id AND c.resolved_at >= @since AND c.deleted = 0) AS resolved,
           (SELECT AVG(c.first_response_at - c.queued_at) FROM conversations c
              WHERE c.assignee_id = a.id AND c.last_agent_at >= @since AND c.first_response_at >= @since AND c.first_response_at >= c.queued_at AND c.deleted = 0) AS avgFirstResponseMs,
           (SELECT COUNT(*) FROM qc_flags f WHERE f.agent_id = a.id AND f.status = 'open' AND f.deleted = 0) AS openQcFlags
         FROM (${myAgents(scope, only)}) a`,
        scope,
        { since, ...onlyParam(only) },
      ),

    agentMessagesSince: (scope, since, only) =>
      all<TimedMessage>(
        `SELECT m.conversation_id AS conversationId, m.sender_kind AS senderKind, m.sender_id AS senderId, m.created_at AS createdAt
         FROM messages m
         WHERE m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.assignee_id IN (${myAgents(scope)}) AND c.last_agent_at >= @since${
           only
             ? ` AND c.id IN (SELECT p.conversation_id FROM conversation_participants p WHERE p.user_id IN (${onlyIds})
                 UNION SELECT o.id FROM conversations o WHERE o.assignee_id IN (${onlyIds}))`
             : ''
         })
           AND m.created_at >= @since AND m.kind = 'text' AND m.sender_kind IN ('customer', 'agent') AND m.deleted = 0
         ORDER BY m.conversation_id, m.created_at, m.seq`,
        scope,
        { since, ...onlyParam(only) },
      ),

    reportConversations: (scope, from, to) =>
      all<{
        id: string;
        queue_id: string;
        shop_id: string | null;
        assignee_id: string | null;
        queued_at: number | null;
        assigned_at: number | null;
        first_response_at: number | null;
        resolved_at: number | null;
        csat: number | null;
        escalated_from_queue_id: string | null;
        team_ids: string | null;
        qc_failed: number;
        appealed: number;
      }>(
        `SELECT c.id, c.queue_id, c.shop_id, c.assignee_id, c.queued_at, c.assigned_at, c.first_response_at, c.resolved_at, c.csat,
           c.escalated_from_queue_id,
           (SELECT GROUP_CONCAT(qt.team_id) FROM queue_teams qt WHERE qt.queue_id = c.queue_id) AS team_ids,
           EXISTS (SELECT 1 FROM qc_flags f WHERE f.conversation_id = c.id AND f.side = 'agent' AND f.status = 'confirmed' AND f.deleted = 0) AS qc_failed,
           EXISTS (SELECT 1 FROM qc_flags f WHERE f.conversation_id = c.id AND f.side = 'customer' AND f.rule_id IN (SELECT value FROM json_each(@appealRules))
             AND f.status <> 'dismissed' AND f.deleted = 0) AS appealed
         FROM conversations c
         WHERE c.created_at >= @from AND c.created_at < @to AND c.queued_at IS NOT NULL AND c.deleted = 0 AND c.id IN (${myConversations(scope)})
         ORDER BY c.created_at, c.id`,
        scope,
        { from, to, appealRules: JSON.stringify(APPEAL_RULE_IDS) },
      ).map((r) => ({
        id: r.id,
        queueId: r.queue_id,
        shopId: r.shop_id,
        assigneeId: r.assignee_id,
        queuedAt: r.queued_at,
        assignedAt: r.assigned_at,
        firstResponseAt: r.first_response_at,
        resolvedAt: r.resolved_at,
        csat: r.csat,
        escalated: r.escalated_from_queue_id !== null,
        teamIds: r.team_ids ? r.team_ids.split(',') : [],
        qcFailed: r.qc_failed === 1,
        appealed: r.appealed === 1,
      })),

    reportMessages: (scope, from, to) =>
      all<TimedMessage>(
        `SELECT m.conversation_id AS conversationId, m.sender_kind AS senderKind, m.sender_id AS senderId, m.created_at AS createdAt
         FROM messages m
         WHERE m.conversation_id IN (SELECT c.id FROM conversations c WHERE c.created_at >= @from AND c.created_at < @to AND c.id IN (${myConversations(scope)}))
           AND m.kind = 'text' AND m.sender_kind IN ('customer', 'agent') AND m.deleted = 0
         ORDER BY m.conversation_id, m.created_at, m.seq`,
        scope,
        { from, to },
      ),

    touched(from, to) {
      const queueIds = new Set<string>();
      const agentIds = new Set<string>();
      for (const r of touchedRows.all({ from, to })) {
        if (r.kind === 'q') queueIds.add(r.id);
        else agentIds.add(r.id);
      }
      return { queueIds, agentIds };
    },

    visibleNames(entity, scope, ids) {
      const [table, column] = entity === 'agents' ? ['users', 'display_name'] : [entity, 'name'];
      const sql = `SELECT t.${column} AS name FROM ${table} t WHERE t.id = @id AND (${visibleFilter(entity, scope).sql})`;
      const names = new Map<string, string>();
      for (const id of ids) {
        const row = all<{ name: string }>(sql, scope, { id })[0];
        if (row) names.set(id, row.name);
      }
      return names;
    },
  };
}
