import { QueueStatsSchema, WsEventFrameSchema, type QueueStats } from '../../../shared/api/sync';
import type { EventHub } from '../rpc/eventHub';

export type LiveQueueStat = QueueStats[number];

/**
 * The server's `queues.stats` figures per queue (waiting count, oldest queued time), kept in memory:
 * an agent's cache never holds queued conversations (the server only offers them), so these are
 * the only waiting figures an agent has. They are live state, so never cached.
 */
export class LiveQueueStats {
  private readonly stats = new Map<string, LiveQueueStat>();

  constructor(private readonly hub: EventHub) {}

  get(queueId: string): LiveQueueStat | undefined {
    return this.stats.get(queueId);
  }

  /** A server frame: the queues whose figures changed (all of the user's on connect). Anything else is ignored. */
  frame(frame: unknown): void {
    const event = WsEventFrameSchema.safeParse(frame);
    if (!event.success || event.data.name !== 'queues.stats') return;
    const payload = QueueStatsSchema.safeParse(event.data.payload);
    if (!payload.success || payload.data.length === 0) return;
    for (const stat of payload.data) this.stats.set(stat.queueId, stat);
    this.hub.emit('queues.changed', { ids: payload.data.map((stat) => stat.queueId) });
  }
}
