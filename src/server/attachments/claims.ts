import type { AttachmentRef } from '../../shared/domain/conversations';
import type { WriteTx } from '../db/writer';
import { Rejection } from '../mutations/rejection';
import { refOf, type AttachmentsStore, type Uploader } from './store';

/**
 * Sending a message with attachments, for both sides: a sender may only send files they uploaded
 * themselves (an id cannot be used to pull someone else's file into a conversation), and each
 * upload goes out with exactly one message.
 */
export class MessageAttachments {
  constructor(private readonly store: AttachmentsStore) {}

  /** The refs to store on the message, in the order given; a Rejection when one may not be sent. */
  claim(sender: Uploader, ids: readonly string[]): AttachmentRef[] {
    return [...new Set(ids)].map((id) => {
      const record = this.store.attachment(id);
      if (!record || record.uploader.kind !== sender.kind || record.uploader.id !== sender.id) {
        throw new Rejection('not_found', `no attachment ${id}`);
      }
      if (record.messageId !== null) throw new Rejection('conflict', `attachment ${id} was already sent`);
      return refOf(record);
    });
  }

  /** Ties claimed attachments to their message, in the transaction that inserted it. */
  bind(tx: WriteTx, refs: readonly AttachmentRef[], conversationId: string, messageId: string): void {
    for (const ref of refs) this.store.bindAttachment(tx, ref.id, conversationId, messageId);
  }
}
