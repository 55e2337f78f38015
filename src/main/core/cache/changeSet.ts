import type { EventHub } from '../rpc/eventHub';

/**
 * What one applied batch changed, collected while the transaction runs and emitted once after it
 * commits: one `*.changed` event per kind per batch, never one per row.
 */
export class ChangeSet {
  private readonly conversations = new Set<string>();
  private readonly messages = new Set<string>();
  private readonly messageConversations = new Set<string>();
  private readonly queues = new Set<string>();
  private readonly entities = new Set<string>();

  message(id: string, conversationId: string): void {
    this.messages.add(id);
    this.messageConversations.add(conversationId);
  }

  conversation(id: string): void {
    this.conversations.add(id);
  }

  entity(entity: string, id: string): void {
    if (entity === 'queues') this.queues.add(id);
    else this.entities.add(entity);
  }

  get empty(): boolean {
    return this.conversations.size + this.messages.size + this.queues.size + this.entities.size === 0;
  }

  emit(hub: EventHub): void {
    // A conversation's status or queue moves a queue's waiting count.
    if (this.conversations.size > 0) hub.emit('conversations.changed', { ids: [...this.conversations] });
    if (this.messages.size > 0) {
      hub.emit('messages.changed', { conversationIds: [...this.messageConversations], ids: [...this.messages] });
    }
    if (this.queues.size > 0 || this.conversations.size > 0) hub.emit('queues.changed', { ids: [...this.queues] });
    if (this.entities.size > 0) hub.emit('entities.changed', { entities: [...this.entities] });
  }
}
