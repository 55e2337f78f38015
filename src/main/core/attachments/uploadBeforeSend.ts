import type { Mutation } from '../../../shared/api/sync';
import type { AttachmentFiles } from './attachmentFiles';
import type { AttachmentUploader } from './attachmentUpload';

/**
 * The outbox's `prepare` step for replies with files: a reply is queued with the local ids of
 * files stored here, and just before it is sent each file not uploaded yet is uploaded and the
 * ids are swapped for the server's. The server id is recorded as soon as an upload succeeds, so
 * a resend after a lost answer reuses it instead of uploading the file twice.
 */
export function uploadBeforeSend(files: AttachmentFiles, upload: AttachmentUploader): (mutation: Mutation) => Promise<Mutation> {
  return async (mutation) => {
    const args = mutation.args as { attachmentIds?: string[] };
    if (mutation.name !== 'messages.send' || !args.attachmentIds?.length) return mutation;
    const attachmentIds: string[] = [];
    for (const id of args.attachmentIds) attachmentIds.push(await serverIdOf(files, upload, id));
    return { ...mutation, args: { ...args, attachmentIds } };
  };
}

async function serverIdOf(files: AttachmentFiles, upload: AttachmentUploader, id: string): Promise<string> {
  const entry = files.entry(id);
  if (!entry?.upload) return id;
  if (entry.upload.serverId) return entry.upload.serverId;
  const ref = await upload(entry.upload.name, files.bytes(id)!);
  // The server's id reads the same bytes offline once the message comes back with it.
  files.link(ref.id, { sha256: entry.sha256, size: entry.size });
  files.link(id, { ...entry, upload: { ...entry.upload, serverId: ref.id } });
  return ref.id;
}
