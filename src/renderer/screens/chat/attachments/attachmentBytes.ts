import { ATTACHMENT_CHUNK_BYTES } from '../../../../shared/domain/workstation';
import type { Rpc } from '../../../../shared/rpc/client';

/*
 * Attachment bytes cross the RPC as base64 pieces (one frame each): the window never fetches
 * the server itself (the CSP allows no foreign origin; the core owns the network and the cache).
 */

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments: 32k at a time stays under every engine's limit.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The whole file, read piece by piece through the core, as a Blob of the given type. */
export async function readAttachment(rpc: Rpc, attachmentId: string, mime: string): Promise<Blob> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0; ; ) {
    const chunk = await rpc.attachments.read({ attachmentId, offset });
    const piece = fromBase64(chunk.base64);
    pieces.push(piece);
    offset += piece.length;
    if (offset >= chunk.size || piece.length === 0) return new Blob(pieces, { type: mime });
  }
}

/** Hands a file to the core piece by piece; `onProgress` gets the share done (0..1). Returns the stage id. */
export async function stageFile(rpc: Rpc, file: Blob, onProgress: (done: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let stageId: string | undefined;
  for (let at = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES) {
    ({ stageId } = await rpc.attachments.stage({ stageId, base64: toBase64(bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES)) }));
    onProgress(Math.min(1, (at + ATTACHMENT_CHUNK_BYTES) / bytes.length));
  }
  return stageId!;
}
