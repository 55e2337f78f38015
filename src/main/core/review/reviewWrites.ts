import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { SyncRow } from '../../../shared/api/sync';
import type { Review, ReviewRecordArgsSchema } from '../../../shared/domain/reviews';
import type { QueuedWrite } from '../../../shared/domain/workstation';
import { RpcError } from '../../../shared/rpc/errors';
import { newClientId } from '../ids';
import type { Outbox } from '../outbox/outbox';

type RecordArgs = z.output<typeof ReviewRecordArgsSchema>;

/**
 * A verdict through the outbox: the reviewer's review row is written at once with seq 0 (pending,
 * like an unsent message) in the transaction that queues `reviews.record`; the server's row
 * replaces it, and a refusal puts back the row it replaced (outbox.ts, effect `row`). The id is
 * the reviewer's existing review's, so the server replaces that one; a first verdict gets a new id.
 */
export class ReviewWrites {
  private readonly s;

  constructor(
    private readonly deps: { db: Database.Database; outbox: Outbox; userId: string; now: () => number },
  ) {
    const { db } = deps;
    this.s = {
      conversation: db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE id = ? AND deleted = 0'),
      mine: db.prepare<[string, string], { id: string; seq: number; data: string }>(
        "SELECT id, seq, data FROM entities WHERE entity = 'reviews' AND json_extract(data, '$.conversationId') = ? AND json_extract(data, '$.reviewerId') = ?",
      ),
      write: db.prepare(
        "INSERT INTO entities (entity, id, seq, deleted, data) VALUES ('reviews', ?, 0, 0, ?) ON CONFLICT (entity, id) DO UPDATE SET seq = 0, deleted = 0, data = excluded.data",
      ),
    };
  }

  record(args: RecordArgs): QueuedWrite & { reviewId: string } {
    const { outbox, userId } = this.deps;
    if (!this.s.conversation.get(args.conversationId)) throw new RpcError('not_found', 'no such conversation in the local cache');
    const now = this.deps.now();
    const existing = this.s.mine.get(args.conversationId, userId);
    const earlier = existing ? (JSON.parse(existing.data) as Review) : null;
    const review: Review = {
      id: existing?.id ?? newClientId(now),
      conversationId: args.conversationId,
      reviewerId: userId,
      verdict: args.verdict,
      ruleId: args.ruleId,
      note: args.note,
      createdAt: earlier?.createdAt ?? now,
      updatedAt: now,
    };
    // Only a row the server sent is worth restoring; an earlier pending one has its own entry.
    const before: SyncRow | null =
      existing && existing.seq > 0 ? { entity: 'reviews', id: existing.id, seq: existing.seq, deleted: false, data: earlier! } : null;
    const mutationId = outbox.enqueue('reviews.record', { ...args, reviewId: review.id }, (changes) => {
      this.s.write.run(review.id, JSON.stringify(review));
      changes.entity('reviews', review.id);
      return { kind: 'row', entity: 'reviews', id: review.id, before };
    });
    return { mutationId, reviewId: review.id };
  }
}
