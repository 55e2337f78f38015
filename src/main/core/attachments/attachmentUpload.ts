import { FILE_NAME_HEADER, UploadResponseSchema } from '../../../shared/api/attachments';
import type { AttachmentRef } from '../../../shared/domain/conversations';
import { RpcError } from '../../../shared/rpc/errors';

/** Uploads a file's bytes (POST /api/attachments, the agent's token) and returns the server's ref. */
export type AttachmentUploader = (name: string, bytes: Uint8Array) => Promise<AttachmentRef>;

const TIMEOUT_MS = 60_000;

/**
 * Failures say whether trying again can help: `offline` (no answer, a 5xx, an expired token the
 * next sign-in renews) is retried by the outbox; anything else is the server refusing this file
 * (413 too large, 415 type not allowed, 429 too many unsent uploads), which no retry changes.
 */
export function httpAttachmentUploader(serverUrl: string, token: string): AttachmentUploader {
  return async (name, bytes) => {
    let response: Response;
    try {
      response = await fetch(new URL('/api/attachments', serverUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(name) },
        body: new Uint8Array(bytes),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new RpcError('offline', `cannot upload to ${new URL(serverUrl).origin} (${(error as Error).message})`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = UploadResponseSchema.safeParse(json);
      if (!parsed.success) throw new RpcError('internal', 'the server answered an upload unlike a Seatdesk server');
      return parsed.data.attachment;
    }
    const message = (json as { message?: unknown } | null)?.message;
    const reason = typeof message === 'string' ? message : `the server answered ${response.status}`;
    if (response.status >= 500 || response.status === 401) throw new RpcError('offline', reason);
    if (response.status === 413) throw new RpcError('too_large', reason);
    if (response.status === 403 || response.status === 429) throw new RpcError('forbidden', reason);
    throw new RpcError('invalid_args', reason);
  };
}
