import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RpcError } from '../../../shared/rpc/errors';

/** What the core knows of one attachment id: where its bytes are and, for a file this user sends, its upload. */
const EntrySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  /** a file this user sends from here: its name, and the server's id for it once uploaded */
  upload: z.object({ name: z.string(), serverId: z.string().optional() }).optional(),
});
export type AttachmentEntry = z.infer<typeof EntrySchema>;

/**
 * The attachments the workstation has seen or is sending, on disk beside the account's cache:
 * bytes once per content hash (`blobs/<sha256>`), and one small index file per attachment id
 * (`ids/<id>`) naming its hash. Files, not cache rows, because the bytes are files anyway and a
 * write is one atomic rename: a crash leaves either the old state or the new one. Chunks a window
 * sends before a message are kept in `staged/` until the message takes them.
 */
export class AttachmentFiles {
  constructor(private readonly root: string) {
    // A stage nobody sent (a window closed mid-way) is dropped when the account's workspace opens.
    rmSync(join(root, 'staged'), { recursive: true, force: true });
    for (const dir of ['blobs', 'ids', 'staged']) mkdirSync(join(root, dir), { recursive: true });
  }

  /** Stores bytes under their hash (once) and records `id` for them. */
  put(id: string, bytes: Uint8Array, upload?: AttachmentEntry['upload']): AttachmentEntry {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const blob = join(this.root, 'blobs', sha256);
    if (!existsSync(blob)) this.writeAtomically(blob, bytes);
    return this.link(id, { sha256, size: bytes.length, ...(upload ? { upload } : {}) });
  }

  /** Records `id` for bytes already stored (the server's id of a file this user uploaded). */
  link(id: string, entry: AttachmentEntry): AttachmentEntry {
    this.writeAtomically(this.indexFile(id), Buffer.from(JSON.stringify(entry)));
    return entry;
  }

  entry(id: string): AttachmentEntry | null {
    const file = this.indexFile(id);
    if (!existsSync(file)) return null;
    const parsed = EntrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success && existsSync(join(this.root, 'blobs', parsed.data.sha256)) ? parsed.data : null;
  }

  /** `length` bytes of the attachment from `offset`, or null when they are not here. */
  read(id: string, offset: number, length: number): { entry: AttachmentEntry; bytes: Buffer } | null {
    const entry = this.entry(id);
    if (!entry) return null;
    const all = readFileSync(join(this.root, 'blobs', entry.sha256));
    return { entry, bytes: all.subarray(offset, offset + length) };
  }

  bytes(id: string): Buffer | null {
    const entry = this.entry(id);
    return entry ? readFileSync(join(this.root, 'blobs', entry.sha256)) : null;
  }

  /** Appends a chunk to a staged upload; returns its size so far. */
  stage(stageId: string, chunk: Uint8Array, maxBytes: number): number {
    const file = join(this.root, 'staged', this.safe(stageId));
    const size = (existsSync(file) ? statSync(file).size : 0) + chunk.length;
    if (size > maxBytes) {
      rmSync(file, { force: true });
      throw new RpcError('too_large', `a file may be at most ${maxBytes} bytes`);
    }
    appendFileSync(file, chunk);
    return size;
  }

  /** Takes a staged upload's bytes (the staged copy is removed). */
  takeStaged(stageId: string): Buffer {
    const file = join(this.root, 'staged', this.safe(stageId));
    if (!existsSync(file)) throw new RpcError('not_found', `no staged file ${stageId}`);
    const bytes = readFileSync(file);
    rmSync(file);
    return bytes;
  }

  private indexFile(id: string): string {
    return join(this.root, 'ids', this.safe(id));
  }

  /** An id as a file name: hex, so no id can name a path and ':' (legal in ids) works on Windows too. */
  private safe(id: string): string {
    return Buffer.from(id, 'utf8').toString('hex');
  }

  private writeAtomically(file: string, bytes: Uint8Array): void {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  }
}
