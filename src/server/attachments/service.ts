import type { ReadStream } from 'node:fs';
import type { ConversationsReads } from '../conversations/store';
import type { Writer } from '../db/writer';
import { newId } from '../ids';
import type { Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { ContentStore } from './contentStore';
import { sanitiseFileName } from './fileName';
import { sniffFileKind } from './sniff';
import type { AttachmentRecord, AttachmentsStore, Uploader } from './store';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/**
 * Uploads one person may hold that no message has taken yet: anonymous customers can start
 * sessions freely, so without it one script could fill the disk 10 MB at a time.
 */
export const MAX_UNSENT_UPLOADS = 20;

/** Who is asking: an agent (with their scope) or a customer. */
export type Viewer = { kind: 'agent'; id: string; scope: Scope } | { kind: 'customer'; id: string };

/** An upload refused for what it is: the route answers `status` with `error`. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 415 | 429,
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

/** Uploading files and reading them back, for agents and customers. */
export class AttachmentsService {
  constructor(
    private readonly deps: {
      writer: Writer;
      store: AttachmentsStore;
      content: ContentStore;
      conversations: ConversationsReads;
      sync: SyncService;
      now: () => number;
    },
  ) {}

  /** Stores the bytes and records the upload; the file is on disk before the row commits. */
  async upload(uploader: Uploader, fileName: string | undefined, bytes: Buffer): Promise<AttachmentRecord> {
    if (bytes.length === 0) throw new UploadRefused(400, 'invalid_request', 'the file is empty');
    if (this.deps.store.unsentCount(uploader) >= MAX_UNSENT_UPLOADS) {
      throw new UploadRefused(429, 'too_many_requests', `send or drop your ${MAX_UNSENT_UPLOADS} unsent uploads first`);
    }
    const kind = sniffFileKind(bytes);
    if (!kind) {
      throw new UploadRefused(415, 'unsupported_media_type', 'allowed files: PNG, JPEG, GIF or WebP images, PDF, plain UTF-8 text, Word (.docx) and Excel (.xlsx)');
    }
    const sha256 = await this.deps.content.put(bytes);
    const now = this.deps.now();
    const record: AttachmentRecord = {
      id: newId(now),
      sha256,
      name: sanitiseFileName(fileName, kind),
      mime: kind.mime,
      size: bytes.length,
      uploader,
      conversationId: null,
      messageId: null,
      createdAt: now,
    };
    this.deps.writer.write((tx) => this.deps.store.insertAttachment(tx, record));
    return record;
  }

  /**
   * The attachment and its bytes, for its uploader and for whoever sees its conversation
   * (a customer: their own conversations only). Anything else is null, as if it did not exist.
   */
  open(viewer: Viewer, id: string): { record: AttachmentRecord; bytes: ReadStream } | null {
    const record = this.deps.store.attachment(id);
    if (!record || !this.maySee(viewer, record)) return null;
    return { record, bytes: this.deps.content.read(record.sha256) };
  }

  private maySee(viewer: Viewer, record: AttachmentRecord): boolean {
    if (record.uploader.kind === viewer.kind && record.uploader.id === viewer.id) return true;
    if (record.conversationId === null) return false;
    if (viewer.kind === 'agent') return this.deps.sync.isVisible(viewer.scope, 'conversations', record.conversationId);
    return this.deps.conversations.conversation(record.conversationId)?.customerId === viewer.id;
  }
}
