import type { Conversation } from '../../shared/domain/conversations';
import type { NamedStatement, SqliteDatabase, SqlValue } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { CONVERSATION_COLUMNS, toConversation, type ConversationRow } from './rows';

/* Conversations, who works or worked on them, and which queues they passed through. */

export type ConversationRecord = Conversation & { deleted: boolean };

/** Fields a lifecycle step may change; everything else is fixed at creation. */
export type ConversationPatch = Partial<
  Pick<
    Conversation,
    | 'queueId'
    | 'status'
    | 'assigneeId'
    | 'queuedAt'
    | 'assignedAt'
    | 'firstResponseAt'
    | 'lastCustomerAt'
    | 'lastAgentAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'category'
    | 'csat'
    | 'escalatedFromQueueId'
  >
>;

const PATCH_COLUMNS: Record<keyof ConversationPatch, string> = {
  queueId: 'queue_id',
  status: 'status',
  assigneeId: 'assignee_id',
  queuedAt: 'queued_at',
  assignedAt: 'assigned_at',
  firstResponseAt: 'first_response_at',
  lastCustomerAt: 'last_customer_at',
  lastAgentAt: 'last_agent_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  category: 'category',
  csat: 'csat',
  escalatedFromQueueId: 'escalated_from_queue_id',
};

export type ParticipantRole = 'assignee' | 'former';

export interface ConversationsReads {
  conversation(id: string): ConversationRecord | null;
  /** conversations assigned to the user that count against their capacity */
  activeCountFor(userId: string): number;
  /** the customer's newest conversation in this queue that is not resolved or closed */
  openConversationOf(customerId: string, queueId: string): ConversationRecord | null;
  /** conversation ids that are or were in any of these queues (a lead gaining a team) */
  idsInQueues(queueIds: readonly string[]): string[];
}

export interface ConversationsWrites {
  insertConversation(tx: WriteTx, conversation: Conversation): void;
  /** applies the patch and re-stamps the row */
  updateConversation(tx: WriteTx, id: string, patch: ConversationPatch): void;
  /** adds the user as a participant or changes their role; not synced by itself (callers re-stamp) */
  setParticipant(conversationId: string, userId: string, role: ParticipantRole, since: number): void;
  /** records that the conversation is (now) in this queue */
  addQueueVisit(conversationId: string, queueId: string, since: number): void;
}

export type ConversationsStore = ConversationsReads & ConversationsWrites;

export function createConversationsStore(db: SqliteDatabase): ConversationsStore {
  const byId = db.prepare<[string], ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations t WHERE t.id = ?`);
  const active = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM conversations WHERE assignee_id = ? AND status IN ('assigned', 'waiting_customer') AND deleted = 0",
  );
  // The open statuses are listed (not `NOT IN ('resolved', 'closed')`) so the lookup seeks
  // conversations_by_queue (queue_id, status) to the queue's few open chats; the negation made
  // SQLite read every past chat of the queue, on every customer message (4 ms at 200k messages).
  const open = db.prepare<[string, string], ConversationRow>(
    `SELECT ${CONVERSATION_COLUMNS} FROM conversations t
     WHERE t.customer_id = ? AND t.queue_id = ? AND t.status IN ('bot', 'queued', 'assigned', 'waiting_customer') AND t.deleted = 0
     ORDER BY t.created_at DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO conversations (id, customer_id, queue_id, shop_id, channel, status, assignee_id, order_id, created_at,
       queued_at, assigned_at, first_response_at, last_customer_at, last_agent_at, resolved_at, closed_at, category, csat,
       escalated_from_queue_id, seq)
     VALUES (@id, @customerId, @queueId, @shopId, @channel, @status, @assigneeId, @orderId, @createdAt, @queuedAt,
       @assignedAt, @firstResponseAt, @lastCustomerAt, @lastAgentAt, @resolvedAt, @closedAt, @category, @csat,
       @escalatedFromQueueId, @seq)`,
  );
  const participant = db.prepare<[string, string, string, number]>(
    `INSERT INTO conversation_participants (conversation_id, user_id, role, since) VALUES (?, ?, ?, ?)
     ON CONFLICT (conversation_id, user_id) DO UPDATE SET role = excluded.role`,
  );
  const visit = db.prepare<[string, string, number]>(
    'INSERT INTO conversation_queues (conversation_id, queue_id, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const updates = new Map<string, NamedStatement>();

  return {
    conversation: (id) => {
      const row = byId.get(id);
      return row ? { ...toConversation(row), deleted: row.deleted === 1 } : null;
    },
    activeCountFor: (userId) => active.get(userId)?.n ?? 0,
    openConversationOf: (customerId, queueId) => {
      const row = open.get(customerId, queueId);
      return row ? { ...toConversation(row), deleted: false } : null;
    },
    idsInQueues: (queueIds) => {
      if (queueIds.length === 0) return [];
      const marks = queueIds.map(() => '?').join(', ');
      return db
        .prepare<string[], { conversation_id: string }>(
          `SELECT DISTINCT conversation_id FROM conversation_queues WHERE queue_id IN (${marks}) ORDER BY conversation_id`,
        )
        .all(...queueIds)
        .map((r) => r.conversation_id);
    },

    insertConversation: (tx, c) => {
      insert.run({ ...c, seq: tx.stamp('conversations') });
    },
    updateConversation: (tx, id, patch) => {
      const keys = (Object.keys(patch) as (keyof ConversationPatch)[]).filter((k) => patch[k] !== undefined).sort();
      const sql = `UPDATE conversations SET ${[...keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`), 'seq = @seq'].join(', ')} WHERE id = @id`;
      let stmt = updates.get(sql);
      if (!stmt) {
        stmt = db.prepare<[Record<string, SqlValue>]>(sql);
        updates.set(sql, stmt);
      }
      const params: Record<string, SqlValue> = { id, seq: tx.stamp('conversations') };
      for (const k of keys) params[k] = patch[k] ?? null;
      stmt.run(params);
    },
    setParticipant: (conversationId, userId, role, since) => {
      participant.run(conversationId, userId, role, since);
    },
    addQueueVisit: (conversationId, queueId, since) => {
      visit.run(conversationId, queueId, since);
    },
  };
}
