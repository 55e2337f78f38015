import { ATTACHMENT_CHUNK_BYTES, ATTACHMENT_LIMITS, type AttachmentChunk, type MessageView } from '../../../shared/domain/workstation';
import type { AttachmentRef } from '../../../shared/domain/conversations';
import { RpcError } from '../../../shared/rpc/errors';
import type { AttachmentFetcher } from '../evidence/attachmentBytes';
import { newClientId } from '../ids';
import type { Writes } from '../workspace/writes';
import type { AttachmentFiles } from './attachmentFiles';

export interface AttachmentServiceDeps {
  files: AttachmentFiles;
  fetch: AttachmentFetcher;
  writes: Writes;
  isOnline: () => boolean;
}

export interface OutgoingFile {
  stageId: string;
  name: string;
  mime: string;
}

/**
 * Attachments for the windows, which never reach the server themselves (CSP; the core owns the
 * network): reads come from the core's copy, fetched from the server the first time and kept by
 * hash so a file once seen opens offline; sends are staged here piece by piece, kept locally and
 * queued through the outbox, which uploads them just before the reply goes out.
 */
export class AttachmentService {
  /** one download per id at a time: a preview's pieces are read back to back */
  private readonly fetching = new Map<string, Promise<void>>();

  constructor(private readonly deps: AttachmentServiceDeps) {}

  async read(attachmentId: string, offset: number, signal: AbortSignal): Promise<AttachmentChunk> {
    if (!this.deps.files.entry(attachmentId)) await this.fetchOnce(attachmentId, signal);
    const found = this.deps.files.read(attachmentId, offset, ATTACHMENT_CHUNK_BYTES);
    if (!found) throw new RpcError('not_found', `no attachment ${attachmentId}`);
    return { size: found.entry.size, offset, base64: found.bytes.toString('base64') };
  }

  stage(stageId: string | undefined, base64: string): { stageId: string; size: number } {
    const id = stageId ?? newClientId();
    return { stageId: id, size: this.deps.files.stage(id, Buffer.from(base64, 'base64'), ATTACHMENT_LIMITS.maxBytes) };
  }

  /** A reply with the staged files, shown at once as pending. */
  send(conversationId: string, text: string, outgoing: readonly OutgoingFile[]): MessageView {
    const refs = outgoing.map(({ stageId, name, mime }): AttachmentRef => {
      const bytes = this.deps.files.takeStaged(stageId);
      if (bytes.length === 0) throw new RpcError('invalid_args', `${name} is empty`);
      const id = newClientId();
      this.deps.files.put(id, bytes, { name });
      return { id, name, mime, size: bytes.length };
    });
    return this.deps.writes.message('text', conversationId, text, refs);
  }

  private fetchOnce(attachmentId: string, signal: AbortSignal): Promise<void> {
    let running = this.fetching.get(attachmentId);
    if (!running) {
      running = this.download(attachmentId, signal).finally(() => this.fetching.delete(attachmentId));
      this.fetching.set(attachmentId, running);
    }
    return running;
  }

  private async download(attachmentId: string, signal: AbortSignal): Promise<void> {
    const bytes = await this.deps.fetch(attachmentId, signal);
    if (bytes) {
      this.deps.files.put(attachmentId, bytes);
      return;
    }
    if (!this.deps.isOnline()) throw new RpcError('offline', 'this file was not opened on this workstation before, and the server is out of reach');
    throw new RpcError('not_found', `the server has no attachment ${attachmentId} for you`);
  }
}
