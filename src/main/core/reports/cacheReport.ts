import type Database from 'better-sqlite3';
import type { ReportResponse } from '../../../shared/api/monitor';
import type { Conversation } from '../../../shared/domain/conversations';
import type { Queue } from '../../../shared/domain/org';
import type { QcFlag } from '../../../shared/domain/qc';
import type { TimedMessage } from '../../../shared/metrics/group';
import { APPEAL_RULE_IDS } from '../../../shared/metrics/kpis';
import { reportRows, type ReportConversation, type ReportGroupBy } from '../../../shared/metrics/report';

const NAME_OF: Record<ReportGroupBy, { entity: string; field: string }> = {
  agent: { entity: 'agents', field: '$.displayName' },
  team: { entity: 'teams', field: '$.name' },
  shop: { entity: 'shops', field: '$.name' },
};

/**
 * The report from the local cache: the rows the server's report reads (the user's sync scope is
 * its scope) through the same formulas (shared/metrics/report.ts), so offline figures equal the
 * server's for the data already synced. Messages still in the outbox are not counted: the server
 * has not seen them either.
 */
export class CacheReport {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      conversations: db.prepare<[{ from: number; to: number }], { data: string }>(
        'SELECT data FROM conversations WHERE created_at >= @from AND created_at < @to AND queued_at IS NOT NULL AND deleted = 0 ORDER BY created_at, id',
      ),
      // CROSS JOIN keeps the conversations outside: the range picks them, then each one's messages
      // come from messages_by_conversation (the other way round read every cached message).
      messages: db.prepare<[{ from: number; to: number }], TimedMessage>(
        `SELECT m.conversation_id AS conversationId, m.sender_kind AS senderKind, json_extract(m.data, '$.senderId') AS senderId, m.created_at AS createdAt
         FROM conversations c CROSS JOIN messages m ON m.conversation_id = c.id
         WHERE c.created_at >= @from AND c.created_at < @to
           AND m.kind = 'text' AND m.sender_kind IN ('customer', 'agent') AND m.deleted = 0 AND m.delivery = 'sent'
         ORDER BY m.conversation_id, m.created_at, m.seq`,
      ),
      // Flags and queues are few next to messages: read whole, matched in memory.
      ofEntity: db.prepare<[string], { data: string }>('SELECT data FROM entities WHERE entity = ? AND deleted = 0'),
      name: db.prepare<[string, string, string], { name: string }>('SELECT json_extract(data, ?) AS name FROM entities WHERE entity = ? AND id = ? AND deleted = 0'),
    };
  }

  build(groupBy: ReportGroupBy, from: number, to: number): ReportResponse {
    const teamsOfQueue = new Map(this.all<Queue>('queues').map((q) => [q.id, q.teamIds]));
    const failed = new Set<string>();
    const appealed = new Set<string>();
    for (const f of this.all<QcFlag>('qc_flags')) {
      if (f.side === 'agent' && f.status === 'confirmed') failed.add(f.conversationId);
      if (f.side === 'customer' && f.status !== 'dismissed' && APPEAL_RULE_IDS.includes(f.ruleId)) appealed.add(f.conversationId);
    }
    const conversations = this.s.conversations.all({ from, to }).map((row): ReportConversation => {
      const c = JSON.parse(row.data) as Conversation;
      return {
        id: c.id,
        queueId: c.queueId,
        shopId: c.shopId,
        assigneeId: c.assigneeId,
        queuedAt: c.queuedAt,
        assignedAt: c.assignedAt,
        firstResponseAt: c.firstResponseAt,
        resolvedAt: c.resolvedAt,
        csat: c.csat,
        escalated: c.escalatedFromQueueId !== null,
        teamIds: teamsOfQueue.get(c.queueId) ?? [],
        qcFailed: failed.has(c.id),
        appealed: appealed.has(c.id),
      };
    });
    const { entity, field } = NAME_OF[groupBy];
    const rows = reportRows({
      groupBy,
      to,
      conversations,
      messages: this.s.messages.all({ from, to }),
      names: (ids) => new Map(ids.flatMap((id) => {
        const row = this.s.name.get(field, entity, id);
        return row ? [[id, row.name] as const] : [];
      })),
    });
    return { groupBy, from, to, rows };
  }

  private all<T>(entity: string): T[] {
    return this.s.ofEntity.all(entity).map((row) => JSON.parse(row.data) as T);
  }
}
