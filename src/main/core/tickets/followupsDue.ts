import { WsEventFrameSchema } from '../../../shared/api/sync';
import { FollowupSchema } from '../../../shared/domain/tickets';
import type { EventHub } from '../rpc/eventHub';

/**
 * Relays the server's `followups.due` socket event to the windows, which raise the notification.
 * Only a well-formed follow-up goes on: a window must not be told about half a row.
 */
export function relayFollowupsDue(hub: EventHub, frame: unknown): void {
  const event = WsEventFrameSchema.safeParse(frame);
  if (!event.success || event.data.name !== 'followups.due') return;
  const followup = FollowupSchema.safeParse(event.data.payload);
  if (followup.success) hub.emit('followups.due', followup.data);
}
