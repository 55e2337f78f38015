import type Database from 'better-sqlite3';
import type { Conversation } from '../../../shared/domain/conversations';
import type { MyVerdict, Review, ReviewQueueItem } from '../../../shared/domain/reviews';

interface MemberRow {
  conversation_id: string;
  data: string | null;
  customer: string | null;
  messages: number;
}

/**
 * The reviewer's work list: a set's conversations in order, each with its size, QC flags, the
 * reviewer's own verdict (pending while the outbox holds it, synced once the server's row came
 * back) and the reason the server refused their last one, if it did.
 */
export class ReviewQueue {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly userId: string,
  ) {
    this.s = {
      members: db.prepare<[string], MemberRow>(
        `SELECT m.conversation_id, c.data,
           (SELECT json_extract(e.data, '$.name') FROM entities e WHERE e.entity = 'customers' AND e.id = c.customer_id) AS customer,
           (SELECT count(*) FROM messages x WHERE x.conversation_id = m.conversation_id AND x.deleted = 0) AS messages
         FROM offline_set_conversations m LEFT JOIN conversations c ON c.id = m.conversation_id
         WHERE m.set_id = ? ORDER BY m.pos`,
      ),
      // QC flags live in the shared entities table, keyed by their own id: counted in one pass,
      // not looked for among all of them once per conversation of the set.
      flags: db.prepare<[], { conversation_id: string; n: number }>(
        "SELECT json_extract(data, '$.conversationId') AS conversation_id, count(*) AS n FROM entities WHERE entity = 'qc_flags' AND deleted = 0 GROUP BY 1",
      ),
      mine: db.prepare<[string], { seq: number; data: string }>(
        "SELECT seq, data FROM entities WHERE entity = 'reviews' AND deleted = 0 AND json_extract(data, '$.reviewerId') = ?",
      ),
      refused: db.prepare<[], { args: string; error: string }>("SELECT args, error FROM outbox WHERE name = 'reviews.record' AND state = 'failed' ORDER BY pos"),
    };
  }

  /** My current verdict on each conversation, by conversation id. */
  verdicts(): Map<string, MyVerdict> {
    const map = new Map<string, MyVerdict>();
    for (const row of this.s.mine.all(this.userId)) {
      const review = JSON.parse(row.data) as Review;
      map.set(review.conversationId, {
        reviewId: review.id,
        verdict: review.verdict,
        ruleId: review.ruleId,
        note: review.note,
        state: row.seq === 0 ? 'pending' : 'synced',
        updatedAt: review.updatedAt,
      });
    }
    return map;
  }

  list(setId: string): ReviewQueueItem[] {
    const verdicts = this.verdicts();
    const refused = new Map<string, { code: string; message: string }>();
    for (const row of this.s.refused.all()) {
      refused.set((JSON.parse(row.args) as { conversationId: string }).conversationId, JSON.parse(row.error) as { code: string; message: string });
    }
    const flags = new Map(this.s.flags.all().map((row) => [row.conversation_id, row.n]));
    return this.s.members.all(setId).map((row) => {
      const conversation = row.data ? (JSON.parse(row.data) as Conversation) : null;
      return {
        conversationId: row.conversation_id,
        createdAt: conversation?.createdAt ?? 0,
        status: conversation?.status ?? 'unknown',
        queueId: conversation?.queueId ?? '',
        shopId: conversation?.shopId ?? null,
        assigneeId: conversation?.assigneeId ?? null,
        customerName: row.customer,
        messages: row.messages,
        qcFlags: flags.get(row.conversation_id) ?? 0,
        verdict: verdicts.get(row.conversation_id) ?? null,
        rejected: refused.get(row.conversation_id) ?? null,
      };
    });
  }
}
