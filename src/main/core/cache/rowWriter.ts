import type Database from 'better-sqlite3';
import type { SyncRow } from '../../../shared/api/sync';
import type { Conversation, Message } from '../../../shared/domain/conversations';
import { indexTokens } from '../../../shared/text';
import type { ChangeSet } from './changeSet';
import { entityIndexText } from './entityText';

/** A message row's columns: id, seq, deleted, conversation_id, created_at, sender_kind, kind, data, delivery, failure. */
type MessageColumns = [string, number, number, string, number, string, string, string, string, string | null];
type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

/**
 * The one writer of synced rows into the cache. Applying a row is idempotent by id + seq: a row
 * whose seq is not newer than the cached one is ignored, so duplicate and reordered pushes are
 * harmless. Callers run it inside their transaction (a pull page, a pushed frame, an outbox ack)
 * and emit the ChangeSet once it has committed.
 */
export class RowWriter {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      messageSeq: db.prepare<[string], { rid: number; seq: number }>('SELECT rid, seq FROM messages WHERE id = ?'),
      // Positional parameters, in this order: binding by name cost a fresh object and a lookup per
      // column of every row of a first sync.
      insertMessage: db.prepare<MessageColumns>(
        `INSERT INTO messages (id, seq, deleted, conversation_id, created_at, sender_kind, kind, data, delivery, failure)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // the same columns but the id, then the rid
      updateMessage: db.prepare<[...Tail<MessageColumns>, number]>(
        `UPDATE messages SET seq = ?, deleted = ?, conversation_id = ?, created_at = ?,
           sender_kind = ?, kind = ?, data = ?, delivery = ?, failure = ? WHERE rid = ?`,
      ),
      conversationSeq: db.prepare<[string], { rid: number; seq: number }>('SELECT rid, seq FROM conversations WHERE id = ?'),
      insertConversation: db.prepare(
        `INSERT INTO conversations (id, seq, deleted, status, queue_id, assignee_id, customer_id, order_id, channel, created_at, queued_at, resolved_at, data)
         VALUES (@id, @seq, @deleted, @status, @queueId, @assigneeId, @customerId, @orderId, @channel, @createdAt, @queuedAt, @resolvedAt, @data)`,
      ),
      updateConversation: db.prepare(
        `UPDATE conversations SET seq = @seq, deleted = @deleted, status = @status, queue_id = @queueId, assignee_id = @assigneeId,
           customer_id = @customerId, order_id = @orderId, channel = @channel, created_at = @createdAt, queued_at = @queuedAt,
           resolved_at = @resolvedAt, data = @data WHERE rid = @rid`,
      ),
      entitySeq: db.prepare<[string, string], { rid: number; seq: number }>('SELECT rid, seq FROM entities WHERE entity = ? AND id = ?'),
      insertEntity: db.prepare('INSERT INTO entities (entity, id, seq, deleted, data) VALUES (?, ?, ?, ?, ?)'),
      updateEntity: db.prepare('UPDATE entities SET seq = ?, deleted = ?, data = ? WHERE rid = ?'),
      indexMessage: db.prepare('INSERT OR REPLACE INTO messages_fts (rowid, tokens) VALUES (?, ?)'),
      unindexMessage: db.prepare('DELETE FROM messages_fts WHERE rowid = ?'),
      indexEntity: db.prepare('INSERT OR REPLACE INTO entities_fts (rowid, tokens) VALUES (?, ?)'),
      unindexEntity: db.prepare('DELETE FROM entities_fts WHERE rowid = ?'),
    };
  }

  /** Applies server rows; returns how many were newer than the cache. */
  apply(rows: readonly SyncRow[], changes: ChangeSet): number {
    let applied = 0;
    for (const row of rows) {
      const done =
        row.entity === 'messages'
          ? this.applyMessage(row, changes)
          : row.entity === 'conversations'
            ? this.applyConversation(row, changes)
            : this.applyEntity(row, changes);
      if (done) applied += 1;
    }
    return applied;
  }

  /**
   * Writes a message row. Server rows (seq > 0) replace older ones and are `sent`; the user's own
   * optimistic rows come in with seq 0 and their delivery state.
   */
  writeMessage(
    message: Message,
    meta: { seq: number; deleted: boolean; delivery?: 'sent' | 'pending' | 'failed'; failure?: string | null },
    changes: ChangeSet,
  ): boolean {
    const existing = this.s.messageSeq.get(message.id);
    if (existing && meta.seq > 0 && existing.seq >= meta.seq) return false;
    const columns: MessageColumns = [
      message.id,
      meta.seq,
      meta.deleted ? 1 : 0,
      message.conversationId,
      message.createdAt,
      message.senderKind,
      message.kind,
      JSON.stringify(message),
      meta.delivery ?? 'sent',
      meta.failure ?? null,
    ];
    let rid: number;
    if (existing) {
      rid = existing.rid;
      const [, ...rest] = columns;
      this.s.updateMessage.run(...rest, rid);
    } else {
      rid = Number(this.s.insertMessage.run(...columns).lastInsertRowid);
    }
    if (meta.deleted || message.kind === 'event') {
      if (existing) this.s.unindexMessage.run(rid);
    } else if (!existing || existing.seq === 0 || meta.seq === 0) {
      // A server update of a message never edits its body, so only new rows need indexing.
      this.s.indexMessage.run(rid, indexTokens(message.body));
    }
    changes.message(message.id, message.conversationId);
    return true;
  }

  /** Writes a conversation row; `force` writes an optimistic change at the cached seq. */
  writeConversation(conversation: Conversation, meta: { seq: number; deleted: boolean; force?: boolean }, changes: ChangeSet): boolean {
    const existing = this.s.conversationSeq.get(conversation.id);
    if (existing && !meta.force && existing.seq >= meta.seq) return false;
    const params = {
      id: conversation.id,
      seq: meta.seq,
      deleted: meta.deleted ? 1 : 0,
      status: conversation.status,
      queueId: conversation.queueId,
      assigneeId: conversation.assigneeId,
      customerId: conversation.customerId,
      orderId: conversation.orderId,
      channel: conversation.channel,
      createdAt: conversation.createdAt,
      queuedAt: conversation.queuedAt,
      resolvedAt: conversation.resolvedAt,
      data: JSON.stringify(conversation),
    };
    if (existing) this.s.updateConversation.run({ ...params, rid: existing.rid });
    else this.s.insertConversation.run(params);
    changes.conversation(conversation.id);
    return true;
  }

  private applyMessage(row: SyncRow, changes: ChangeSet): boolean {
    return this.writeMessage(row.data as Message, { seq: row.seq, deleted: row.deleted }, changes);
  }

  private applyConversation(row: SyncRow, changes: ChangeSet): boolean {
    return this.writeConversation(row.data as Conversation, { seq: row.seq, deleted: row.deleted }, changes);
  }

  private applyEntity(row: SyncRow, changes: ChangeSet): boolean {
    const existing = this.s.entitySeq.get(row.entity, row.id);
    if (existing && existing.seq >= row.seq) return false;
    const data = JSON.stringify(row.data);
    let rid: number;
    if (existing) {
      rid = existing.rid;
      this.s.updateEntity.run(row.seq, row.deleted ? 1 : 0, data, rid);
    } else {
      rid = Number(this.s.insertEntity.run(row.entity, row.id, row.seq, row.deleted ? 1 : 0, data).lastInsertRowid);
    }
    const text = row.deleted ? null : entityIndexText(row.entity, row.data);
    if (text) this.s.indexEntity.run(rid, indexTokens(text));
    else if (existing) this.s.unindexEntity.run(rid);
    changes.entity(row.entity, row.id);
    return true;
  }
}
