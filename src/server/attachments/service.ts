import type { ReadStream } from 'node:fs';
import type { ConversationsReads } from '../conversations/store';
import type { Writer } from '../db/writer';
import { newId } from '../ids';
import type { Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import { ContentStore } from './contentStore';
import { sanitiseFileName } from './fileName';
import { sniffFileKind } from './sniff';
import type { AttachmentRecord, AttachmentsStore, Uploader } from './store';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/**
 * Uploads one person may hold that no message has taken yet: anonymous customers can start
 * sessions freely, so without it one script could fill the disk 10 MB at a time.
 */
export const MAX_UNSENT_UPLOADS = 20;
/** An upload no message took within this long is deleted (its bytes too, unless another upload holds them). */
export const UNSENT_TTL_MS = 24 * 60 * 60 * 1000;

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
  /**
   * Work on one content hash, one at a time: an upload (file, then row) and the sweeper's
   * "nobody holds it any more, remove the file" must not interleave, or a new row could point
   * at bytes the sweeper is deleting.
   */
  private readonly busy = new Map<string, Promise<unknown>>();

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
    const sha256 = ContentStore.digest(bytes);
    return this.exclusive(sha256, async () => {
      await this.deps.content.put(sha256, bytes);
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
    });
  }

  /** Deletes uploads nobody sent within UNSENT_TTL_MS, and the bytes no upload holds any more. Returns how many. */
  async sweep(): Promise<number> {
    const stale = this.deps.store.unsentBefore(this.deps.now() - UNSENT_TTL_MS);
    const deleted = stale.filter((record) => this.deps.writer.write((tx) => this.deps.store.deleteUnsent(tx, record.id)));
    for (const sha256 of new Set(deleted.map((r) => r.sha256))) {
      await this.exclusive(sha256, async () => {
        if (!this.deps.store.holdsContent(sha256)) await this.deps.content.remove(sha256);
      });
    }
    return deleted.length;
  }

  /** Sweeps now and then every intervalMs, on a timer that does not keep the process alive; returns the stop function. */
  startSweeping(intervalMs: number, reportError: (error: unknown) => void): () => void {
    let stopped = false;
    const run = () => {
      if (!stopped) this.sweep().catch(reportError);
    };
    const timer = setInterval(run, intervalMs);
    timer.unref();
    run();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
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

  private exclusive<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    const previous = this.busy.get(sha256) ?? Promise.resolve();
    const result = previous.then(work, work);
    const settled = result.catch(() => undefined);
    this.busy.set(sha256, settled);
    void settled.then(() => {
      if (this.busy.get(sha256) === settled) this.busy.delete(sha256);
    });
    return result;
  }

  private maySee(viewer: Viewer, record: AttachmentRecord): boolean {
    if (record.uploader.kind === viewer.kind && record.uploader.id === viewer.id) return true;
    if (record.conversationId === null) return false;
    if (viewer.kind === 'agent') return this.deps.sync.isVisible(viewer.scope, 'conversations', record.conversationId);
    return this.deps.conversations.conversation(record.conversationId)?.customerId === viewer.id;
  }
}
