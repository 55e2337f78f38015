import type Database from 'better-sqlite3';
import type { Agent, Queue } from '../../../shared/domain/org';
import type { Customer, Order } from '../../../shared/domain/customers';
import type { CustomerProfile, PastConversation, QueueSummary } from '../../../shared/domain/workstation';
import type { Conversation } from '../../../shared/domain/conversations';
import { RpcError } from '../../../shared/rpc/errors';
import type { LiveQueueStats } from './liveQueueStats';

const parse = <T>(rows: { data: string }[]): T[] => rows.map((row) => JSON.parse(row.data) as T);

/** Queues with their waiting line, the agent directory and the customer panel, from the cache. */
export class EntityReads {
  private readonly s;

  /** `live`: the server's figures, which win over the cache's wherever the server sent them. */
  constructor(
    db: Database.Database,
    private readonly live?: LiveQueueStats,
  ) {
    this.s = {
      ofEntity: db.prepare<[string], { data: string }>('SELECT data FROM entities WHERE entity = ? AND deleted = 0 ORDER BY id'),
      one: db.prepare<[string, string], { data: string }>('SELECT data FROM entities WHERE entity = ? AND id = ?'),
      waiting: db.prepare<[], { queue_id: string; n: number; since: number | null }>(
        "SELECT queue_id, count(*) AS n, min(coalesce(queued_at, created_at)) AS since FROM conversations WHERE status = 'queued' AND deleted = 0 GROUP BY queue_id",
      ),
      orders: db.prepare<[string], { data: string }>(
        "SELECT data FROM entities WHERE entity = 'orders' AND deleted = 0 AND json_extract(data, '$.customerId') = ? ORDER BY json_extract(data, '$.createdAt') DESC",
      ),
      conversations: db.prepare<[string], { data: string }>(
        'SELECT data FROM conversations WHERE customer_id = ? AND deleted = 0 ORDER BY created_at DESC LIMIT 100',
      ),
    };
  }

  queues(): QueueSummary[] {
    const waiting = new Map(this.s.waiting.all().map((row) => [row.queue_id, row]));
    return parse<Queue>(this.s.ofEntity.all('queues')).map((queue) => {
      // The server's line is the truth for every role (a lead's cache holds the queued chats too,
      // but lags by a push); the cache's count only stands in before the server has said anything.
      const live = this.live?.get(queue.id);
      if (live) return { ...queue, waiting: live.waiting, longestWaitSince: live.oldestQueuedAt };
      return { ...queue, waiting: waiting.get(queue.id)?.n ?? 0, longestWaitSince: waiting.get(queue.id)?.since ?? null };
    });
  }

  agents(): Agent[] {
    return parse<Agent>(this.s.ofEntity.all('agents'));
  }

  all<T>(entity: string): T[] {
    return parse<T>(this.s.ofEntity.all(entity));
  }

  customer(customerId: string): CustomerProfile {
    const row = this.s.one.get('customers', customerId);
    if (!row) throw new RpcError('not_found', 'no such customer in the local cache');
    const conversations = parse<Conversation>(this.s.conversations.all(customerId)).map(
      (c): PastConversation => ({ id: c.id, status: c.status, queueId: c.queueId, channel: c.channel, createdAt: c.createdAt, resolvedAt: c.resolvedAt, category: c.category }),
    );
    return { customer: JSON.parse(row.data) as Customer, orders: parse<Order>(this.s.orders.all(customerId)), conversations };
  }
}
