import { z } from 'zod';
import { AttachmentRefSchema } from '../domain/conversations';

/*
 * POST /api/attachments (agent or customer token): the raw file is the body, its name in the
 * `x-filename` header, percent-encoded (headers are ASCII). The server decides the type from the
 * bytes. 413 when the file is over the limit (10 MB by default), 415 when its type is not allowed.
 * Send the returned id in `attachmentIds` of messages.send or POST /api/customer/messages.
 * GET /api/attachments/:id returns the bytes as a download, for those who see the conversation.
 */

export const FILE_NAME_HEADER = 'x-filename';

export const UploadResponseSchema = z.object({ attachment: AttachmentRefSchema });
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

/** How many files one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
