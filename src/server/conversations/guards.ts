import type { Conversation } from '../../shared/domain/conversations';
import { Rejection } from '../mutations/rejection';
import { supervises, type Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { ConversationRecord, ConversationsReads } from './store';

/*
 * The checks every conversation write starts with. Invisible and unknown look the same
 * (not_found), so ids cannot be probed; visible but not yours is forbidden.
 */

export function visibleConversation(deps: { conversations: ConversationsReads; sync: SyncService }, scope: Scope, id: string): ConversationRecord {
  const conversation = deps.conversations.conversation(id);
  if (!conversation || conversation.deleted || !deps.sync.isVisible(scope, 'conversations', id)) {
    throw new Rejection('not_found', `no conversation ${id}`);
  }
  return conversation;
}

/** The assignee works on their conversation; leads and admins may step in on any they see. */
export function mustHandle(scope: Scope, conversation: Conversation, action: string): void {
  if (conversation.assigneeId !== scope.userId && !supervises(scope)) {
    throw new Rejection('forbidden', `only the assignee or a lead may ${action} this conversation`);
  }
}

export function mustBeIn(conversation: Conversation, statuses: readonly Conversation['status'][], action: string): void {
  if (!statuses.includes(conversation.status)) {
    throw new Rejection('conflict', `cannot ${action} a conversation that is ${conversation.status}`);
  }
}
