import type { MutationArgs, MutationName } from '../../../shared/api/mutations';
import type { AttachmentRef, Message } from '../../../shared/domain/conversations';
import type { MessageView, QueuedWrite } from '../../../shared/domain/workstation';
import { RpcError } from '../../../shared/rpc/errors';
import type { RowWriter } from '../cache/rowWriter';
import { newClientId } from '../ids';
import { optimisticMessage, patchedConversation } from '../outbox/optimistic';
import type { Outbox } from '../outbox/outbox';
import type { ConversationReads } from '../reads/conversationReads';
import type { MessageReads } from '../reads/messageReads';

type ConversationWrite = 'conversations.accept' | 'conversations.decline' | 'conversations.resolve' | 'conversations.reopen' | 'conversations.transfer';

export interface WritesDeps {
  userId: string;
  outbox: Outbox;
  writer: RowWriter;
  conversations: ConversationReads;
  messages: MessageReads;
  now?: () => number;
}

/** The user's writes: each one an outbox entry plus its optimistic effect (outbox.ts). */
export class Writes {
  private readonly now: () => number;

  constructor(private readonly deps: WritesDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** A reply (`text`, with the files stored locally under `attachments`' ids) or an internal note, shown at once as pending. */
  message(kind: 'text' | 'note', conversationId: string, text: string, attachments: AttachmentRef[] = []): MessageView {
    const { conversations, outbox, writer, messages, userId } = this.deps;
    if (!conversations.conversation(conversationId)) throw new RpcError('not_found', 'no such conversation in the local cache');
    const now = this.now();
    const message = optimisticMessage(userId, conversationId, text, kind, newClientId(now), now, attachments);
    const name: MutationName = kind === 'note' ? 'messages.note' : 'messages.send';
    outbox.enqueue(name, { conversationId, text, messageId: message.id, ...attachmentIdsOf(message) }, (changes) => {
      writer.writeMessage(message, { seq: 0, deleted: false, delivery: 'pending' }, changes);
      return { kind: 'message', messageId: message.id };
    });
    return messages.get(message.id)!;
  }

  /** Sends a failed message again: a new mutation for the same message id. */
  retry(messageId: string): MessageView {
    const { outbox, writer, messages } = this.deps;
    const found = messages.get(messageId);
    if (!found || found.seq !== 0) throw new RpcError('not_found', 'no unsent message with that id');
    if (found.delivery !== 'failed') throw new RpcError('conflict', 'the message is not failed');
    const { delivery: _delivery, failure: _failure, seq: _seq, ...message } = found;
    const name: MutationName = message.kind === 'note' ? 'messages.note' : 'messages.send';
    outbox.enqueue(name, { conversationId: message.conversationId, text: message.body, messageId, ...attachmentIdsOf(message) }, (changes) => {
      writer.writeMessage(message, { seq: 0, deleted: false, delivery: 'pending' }, changes);
      return { kind: 'message', messageId };
    });
    return messages.get(messageId)!;
  }

  /** accept / decline / resolve / reopen / transfer, with the status change shown at once when the conversation is cached. */
  conversation<N extends ConversationWrite>(name: N, args: MutationArgs<N>): QueuedWrite {
    const { conversations, outbox, writer, userId } = this.deps;
    const before = conversations.conversation(args.conversationId);
    // An offered conversation is not in the cache until the accept brings it: no local effect then.
    if (!before) return this.plain(name, args);
    const seq = conversations.seq(args.conversationId);
    const mutationId = outbox.enqueue(name, args, (changes) => {
      const after = patchedConversation(name, args, before, userId, this.now());
      if (!after) return null;
      writer.writeConversation(after, { seq, deleted: false, force: true }, changes);
      return { kind: 'conversation', id: before.id, before, seq };
    });
    return { mutationId };
  }

  /** A write without a local effect (presence, tickets, follow-ups, customer tags: their rows come back from the server). */
  plain<N extends MutationName>(name: N, args: MutationArgs<N>): QueuedWrite {
    return { mutationId: this.deps.outbox.enqueue(name, args, () => null) };
  }
}

/** The files a reply carries, as messages.send takes them (local ids until uploaded: attachments/uploadBeforeSend.ts). */
function attachmentIdsOf(message: Message): { attachmentIds?: string[] } {
  return message.attachments?.length ? { attachmentIds: message.attachments.map((a) => a.id) } : {};
}
