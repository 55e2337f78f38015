import type { AttachmentRef } from '../../shared/domain/conversations';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* Upload records (the attachments table); the bytes are in the ContentStore under sha256. */

export type UploaderKind = 'agent' | 'customer';

export interface Uploader {
  kind: UploaderKind;
  id: string;
}

export interface AttachmentRecord {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  uploader: Uploader;
  /** set, with messageId, once a message carries the attachment */
  conversationId: string | null;
  messageId: string | null;
  createdAt: number;
}

export interface AttachmentsStore {
  attachment(id: string): AttachmentRecord | null;
  insertAttachment(tx: WriteTx, record: AttachmentRecord): void;
  /** uploads of this uploader no message has taken yet */
  unsentCount(uploader: Uploader): number;
  /** uploads created before this instant that no message took */
  unsentBefore(before: number): AttachmentRecord[];
  /** deletes an upload no message took (false when one took it meanwhile) */
  deleteUnsent(tx: WriteTx, id: string): boolean;
  /** whether any upload row still holds these bytes */
  holdsContent(sha256: string): boolean;
  /** marks the attachment as sent with a message; the message row must exist already */
  bindAttachment(tx: WriteTx, id: string, conversationId: string, messageId: string): void;
}

interface Row {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  uploader_kind: UploaderKind;
  uploader_id: string;
  conversation_id: string | null;
  message_id: string | null;
  created_at: number;
}

export function createAttachmentsStore(db: SqliteDatabase): AttachmentsStore {
  const byId = db.prepare<[string], Row>('SELECT * FROM attachments WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO attachments (id, sha256, name, mime, size, uploader_kind, uploader_id, created_at)
     VALUES (@id, @sha256, @name, @mime, @size, @uploaderKind, @uploaderId, @createdAt)`,
  );
  const unsent = db.prepare<[UploaderKind, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM attachments WHERE uploader_kind = ? AND uploader_id = ? AND message_id IS NULL',
  );
  const stale = db.prepare<[number], Row>('SELECT * FROM attachments WHERE message_id IS NULL AND created_at < ? ORDER BY created_at');
  const deleteUnsent = db.prepare<[string]>('DELETE FROM attachments WHERE id = ? AND message_id IS NULL');
  const holds = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM attachments WHERE sha256 = ? LIMIT 1');
  const bind = db.prepare<[string, string, string]>(
    'UPDATE attachments SET conversation_id = ?, message_id = ? WHERE id = ? AND message_id IS NULL',
  );
  return {
    attachment: (id) => {
      const r = byId.get(id);
      return r ? toRecord(r) : null;
    },
    unsentBefore: (before) => stale.all(before).map(toRecord),
    deleteUnsent: (_tx, id) => deleteUnsent.run(id).changes === 1,
    holdsContent: (sha256) => holds.get(sha256) !== undefined,
    unsentCount: (u) => unsent.get(u.kind, u.id)?.n ?? 0,
    insertAttachment: (_tx, a) => {
      insert.run({
        id: a.id,
        sha256: a.sha256,
        name: a.name,
        mime: a.mime,
        size: a.size,
        uploaderKind: a.uploader.kind,
        uploaderId: a.uploader.id,
        createdAt: a.createdAt,
      });
    },
    bindAttachment: (_tx, id, conversationId, messageId) => {
      if (bind.run(conversationId, messageId, id).changes !== 1) throw new Error(`attachment ${id} is already bound`);
    },
  };
}

function toRecord(r: Row): AttachmentRecord {
  return {
    id: r.id,
    sha256: r.sha256,
    name: r.name,
    mime: r.mime,
    size: r.size,
    uploader: { kind: r.uploader_kind, id: r.uploader_id },
    conversationId: r.conversation_id,
    messageId: r.message_id,
    createdAt: r.created_at,
  };
}

export function refOf(a: AttachmentRecord): AttachmentRef {
  return { id: a.id, name: a.name, mime: a.mime, size: a.size };
}
