/** Fetches an attachment's bytes from the server (GET /api/attachments/:id, the agent's token). */
export type AttachmentFetcher = (attachmentId: string, signal: AbortSignal) => Promise<Uint8Array | null>;

const TIMEOUT_MS = 30_000;

/**
 * null when the file cannot be had (offline, gone, not allowed): the export still records the
 * attachment, with no hash, rather than failing a whole set over one file.
 */
export function httpAttachmentFetcher(serverUrl: string, token: string): AttachmentFetcher {
  return async (attachmentId, signal) => {
    try {
      const response = await fetch(new URL(`/api/attachments/${encodeURIComponent(attachmentId)}`, serverUrl), {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return null;
      }
      return new Uint8Array(await response.arrayBuffer());
    } catch {
      if (signal.aborted) throw signal.reason;
      return null;
    }
  };
}
