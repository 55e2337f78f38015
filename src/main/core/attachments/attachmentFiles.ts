import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, appendFileSync, utimesSync, writeFileSync } from 'node:fs';
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

/** How many bytes of files the workstation keeps per account before the least recently opened go. */
const ATTACHMENT_CACHE_BYTES = 1024 ** 3;

/**
 * The attachments the workstation has seen or is sending, on disk beside the account's cache:
 * bytes once per content hash (`blobs/<sha256>`), and one small index file per attachment id
 * (`ids/<id>`) naming its hash. Files, not cache rows, because the bytes are files anyway and a
 * write is one atomic rename: a crash leaves either the old state or the new one. Chunks a window
 * sends before a message are kept in `staged/` until the message takes them.
 *
 * The bytes are bounded (`budgetBytes`): past it, the least recently opened blobs go (a blob's
 * mtime is when it was last stored or opened), and a file asked for again is fetched again. A
 * file this user is sending stays until the server has it: `pins/<id>` names its hash until
 * the upload is recorded.
 */
export class AttachmentFiles {
  /** bytes under blobs/, counted on the first store */
  private stored: number | undefined;

  constructor(
    private readonly root: string,
    private readonly budgetBytes = ATTACHMENT_CACHE_BYTES,
  ) {
    // A stage nobody sent (a window closed mid-way) is dropped when the account's workspace opens.
    rmSync(join(root, 'staged'), { recursive: true, force: true });
    for (const dir of ['blobs', 'ids', 'staged', 'pins']) mkdirSync(join(root, dir), { recursive: true });
  }

  /** Stores bytes under their hash (once) and records `id` for them; a file to upload is pinned. */
  put(id: string, bytes: Uint8Array, upload?: AttachmentEntry['upload']): AttachmentEntry {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const blob = join(this.root, 'blobs', sha256);
    if (upload && !upload.serverId) this.writeAtomically(this.pinFile(id), Buffer.from(sha256));
    if (existsSync(blob)) this.touch(blob);
    else {
      const before = this.storedBytes();
      this.writeAtomically(blob, bytes);
      this.stored = before + bytes.length;
      if (this.stored > this.budgetBytes) this.evict(sha256);
    }
    return this.link(id, { sha256, size: bytes.length, ...(upload ? { upload } : {}) });
  }

  /** Records `id` for bytes already stored (the server's id of a file this user uploaded): an uploaded file is unpinned. */
  link(id: string, entry: AttachmentEntry): AttachmentEntry {
    this.writeAtomically(this.indexFile(id), Buffer.from(JSON.stringify(entry)));
    if (entry.upload?.serverId) rmSync(this.pinFile(id), { force: true });
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
    const blob = join(this.root, 'blobs', entry.sha256);
    // a preview reads its pieces back to back: the first one marks the file as recently opened
    if (offset === 0) this.touch(blob);
    const all = readFileSync(blob);
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

  /** Removes the least recently opened unpinned blobs (never `keep`, just stored) until the bytes are within 90% of the budget. */
  private evict(keep: string): void {
    const pinned = new Set(readdirSync(join(this.root, 'pins')).map((name) => readFileSync(join(this.root, 'pins', name), 'utf8')));
    const candidates = readdirSync(join(this.root, 'blobs'))
      .filter((name) => /^[0-9a-f]{64}$/.test(name) && name !== keep && !pinned.has(name))
      .map((name) => ({ name, ...statSync(join(this.root, 'blobs', name)) }))
      .sort((a, b) => a.mtimeMs - b.mtimeMs);
    const target = this.budgetBytes * 0.9;
    for (const blob of candidates) {
      if (this.stored! <= target) break;
      rmSync(join(this.root, 'blobs', blob.name), { force: true });
      this.stored! -= blob.size;
    }
  }

  private storedBytes(): number {
    if (this.stored === undefined) {
      const dir = join(this.root, 'blobs');
      this.stored = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    }
    return this.stored;
  }

  private touch(file: string): void {
    const now = new Date();
    utimesSync(file, now, now);
  }

  private pinFile(id: string): string {
    return join(this.root, 'pins', this.safe(id));
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
