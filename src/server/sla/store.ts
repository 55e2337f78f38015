import type { SqliteDatabase } from '../db/sqlite';
import type { QueueKind } from '../routing/types';
import type { SlaConversation } from './status';

/*
 * What the SLA timers read and the one thing they persist. The timestamps come from the
 * conversation and its messages (the SLA feature keeps no copy of them); sla_breaches holds each
 * fired key, so a restart never fires a breach twice and KPIs can count the misses.
 */

export interface SlaStore {
  /** The SLA view of a conversation waiting for or held by a human; undefined in any other status. */
  open(conversationId: string): SlaConversation | undefined;
  /** every such conversation, for start-up */
  allOpen(): SlaConversation[];
  /** keys already fired for those conversations */
  firedKeys(): string[];
  queueKind(queueId: string): QueueKind | undefined;
  /**
   * Records a fired key inside the caller's write; false when it was recorded before (a
   * conversation resolved and reopened is tracked afresh and may meet its old keys again).
   */
  recordBreach(breach: { key: string; conversationId: string; kind: string; dueAt: number; firedAt: number }): boolean;
}

interface SlaRow {
  id: string;
  queue_id: string;
  queued_at: number;
  assigned_at: number | null;
  first_agent_at: number | null;
  awaiting_since: number | null;
}

// Timestamps of the current queue stay: the pickup clocks restart whenever the conversation
// enters a queue, so an assignment or agent message from before does not count. The reply clock
// runs from the oldest customer message after the newest agent reply.
const SLA_SELECT = `SELECT c.id, c.queue_id, COALESCE(c.queued_at, c.created_at) AS queued_at,
    CASE WHEN c.assigned_at >= COALESCE(c.queued_at, c.created_at) THEN c.assigned_at END AS assigned_at,
    (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.sender_kind = 'agent' AND m.kind = 'text'
       AND m.created_at >= COALESCE(c.queued_at, c.created_at)) AS first_agent_at,
    (SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.sender_kind = 'customer' AND m.kind = 'text'
       AND m.created_at > COALESCE((SELECT MAX(a.created_at) FROM messages a
         WHERE a.conversation_id = c.id AND a.sender_kind = 'agent' AND a.kind = 'text'), -1)) AS awaiting_since
  FROM conversations c WHERE c.status IN ('queued', 'assigned', 'waiting_customer') AND c.deleted = 0`;

export function createSlaStore(db: SqliteDatabase): SlaStore {
  const one = db.prepare<[string], SlaRow>(`${SLA_SELECT} AND c.id = ?`);
  const all = db.prepare<[], SlaRow>(`${SLA_SELECT} ORDER BY c.id`);
  const fired = db.prepare<[], { key: string }>(
    `SELECT b.key FROM sla_breaches b JOIN conversations c ON c.id = b.conversation_id
      WHERE c.status IN ('queued', 'assigned', 'waiting_customer') AND c.deleted = 0`,
  );
  const kind = db.prepare<[string], { kind: QueueKind }>('SELECT kind FROM queues WHERE id = ?');
  const record = db.prepare<[string, string, string, number, number]>(
    'INSERT INTO sla_breaches (key, conversation_id, kind, due_at, fired_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
  );
  return {
    open: (conversationId) => {
      const row = one.get(conversationId);
      return row ? toSla(row) : undefined;
    },
    allOpen: () => all.all().map(toSla),
    firedKeys: () => fired.all().map((r) => r.key),
    queueKind: (queueId) => kind.get(queueId)?.kind,
    recordBreach: (b) => record.run(b.key, b.conversationId, b.kind, b.dueAt, b.firedAt).changes > 0,
  };
}

function toSla(r: SlaRow): SlaConversation {
  return {
    id: r.id,
    queueId: r.queue_id,
    queuedAt: r.queued_at,
    ...(r.assigned_at === null ? {} : { assignedAt: r.assigned_at }),
    ...(r.first_agent_at === null ? {} : { firstAgentActionAt: r.first_agent_at }),
    ...(r.awaiting_since === null ? {} : { awaitingReplySince: r.awaiting_since }),
  };
}
