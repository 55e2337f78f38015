import { ATTACHMENT_LIMITS } from '../../../../shared/domain/workstation';

export type OutgoingMime = (typeof ATTACHMENT_LIMITS.mimes)[number];

export interface OutgoingFile {
  /** a key for the list (files have no id until staged) */
  key: string;
  file: File;
  mime: OutgoingMime;
}

export type FileRefusal = { name: string; reason: 'type' | 'size' | 'count' };

let keys = 0;

/**
 * Which of the pasted or dropped files may go with the reply, checked before any byte is sent:
 * an allowed kind (by the browser's type; the server checks the bytes again), not over the size
 * limit, and no more than a message may carry. A pasted screenshot has no name: it gets one.
 */
export function takeFiles(files: readonly File[], already: number, now = new Date()): { accepted: OutgoingFile[]; refused: FileRefusal[] } {
  const accepted: OutgoingFile[] = [];
  const refused: FileRefusal[] = [];
  for (const file of files) {
    const mime = (ATTACHMENT_LIMITS.mimes as readonly string[]).find((m) => file.type.split(';')[0]!.trim() === m) as OutgoingMime | undefined;
    if (!mime) refused.push({ name: file.name, reason: 'type' });
    else if (file.size > ATTACHMENT_LIMITS.maxBytes) refused.push({ name: file.name, reason: 'size' });
    else if (file.size === 0) refused.push({ name: file.name, reason: 'size' });
    else if (already + accepted.length >= ATTACHMENT_LIMITS.perMessage) refused.push({ name: file.name, reason: 'count' });
    else accepted.push({ key: `f${(keys += 1)}`, file: named(file, mime, now), mime });
  }
  return { accepted, refused };
}

function named(file: File, mime: string, now: Date): File {
  if (file.name && file.name !== 'image.png') return file;
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return new File([file], `screenshot-${stamp}.${mime.split('/')[1]}`, { type: mime });
}

export const isImage = (mime: string) => mime.startsWith('image/');
