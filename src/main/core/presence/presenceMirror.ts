import { PresenceChangedSchema, WsEventFrameSchema, type PresenceChanged } from '../../../shared/api/sync';
import type { EventHub } from '../rpc/eventHub';

/**
 * The user's presence as the server's routing holds it: the server says it on every connect and
 * after every change (from this or another workstation, or a lead). Windows read it here instead
 * of trusting what they last picked, so after a sign-in or restart the switch shows the truth.
 */
export class PresenceMirror {
  private current: PresenceChanged | null = null;

  constructor(private readonly hub: EventHub) {}

  /** null until the server has said (offline since sign-in, or an account that serves no queue). */
  get(): PresenceChanged | null {
    return this.current;
  }

  frame(frame: unknown): void {
    const event = WsEventFrameSchema.safeParse(frame);
    if (!event.success || event.data.name !== 'presence.changed') return;
    const presence = PresenceChangedSchema.safeParse(event.data.payload);
    if (!presence.success) return;
    this.current = presence.data;
    this.hub.emit('presence.changed', presence.data);
  }
}
