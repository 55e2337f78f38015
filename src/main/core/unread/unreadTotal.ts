import type { ConversationReads } from '../reads/conversationReads';
import type { EventHub } from '../rpc/eventHub';

/** As many active chats as the workstation lists (the renderer's title count reads the same list). */
const ACTIVE_LIMIT = 500;

/**
 * The user's unread customer messages over their active chats (the same sum the workstation's
 * title shows), for the shell's tray tooltip, dock badge and taskbar overlay, which have no
 * window of their own to count in. Recounted when conversations or messages change; told only
 * when the total moves.
 */
export class UnreadTotal {
  private last = 0;
  private readonly stops: (() => void)[];

  constructor(
    private readonly hub: EventHub,
    private readonly conversations: ConversationReads,
  ) {
    const recount = () => this.recount();
    this.stops = [hub.subscribe('conversations.changed', recount), hub.subscribe('messages.changed', recount)];
    this.last = this.count();
  }

  get(): { total: number } {
    return { total: this.last };
  }

  stop(): void {
    for (const stop of this.stops) stop();
  }

  private count(): number {
    return this.conversations.list('mine', ACTIVE_LIMIT).reduce((sum, c) => sum + c.unread, 0);
  }

  private recount(): void {
    const total = this.count();
    if (total === this.last) return;
    this.last = total;
    this.hub.emit('unread.changed', { total });
  }
}
