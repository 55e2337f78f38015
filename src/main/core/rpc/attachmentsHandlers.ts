import type { Workspace } from '../workspace/workspace';
import type { WorkstationHandlers } from './workstationHandlers';

type AttachmentMethods = Pick<WorkstationHandlers, 'attachments.read' | 'attachments.stage' | 'attachments.send'>;

/** Attachment bytes in and out of the windows, through the signed-in account's workspace. */
export function attachmentsHandlers(ws: () => Workspace): AttachmentMethods {
  return {
    'attachments.read': ({ attachmentId, offset }, ctx) => ws().attachments.read(attachmentId, offset, ctx.signal),
    'attachments.stage': ({ stageId, base64 }) => ws().attachments.stage(stageId, base64),
    'attachments.send': ({ conversationId, text, files }) => ws().attachments.send(conversationId, text, files),
  };
}
