import type { QueueStats } from '../../shared/api/sync';
import type { Writer } from '../db/writer';
import type { Router } from '../routing/router';
import type { Cancel, Now, Scheduler } from '../routing/scheduler';
import type { QueueConfig } from '../routing/types';
import type { ScopeResolver } from '../scope/resolver';
import type { Scope } from '../scope/scope';
import type { Notify } from './service';

/** A queue's figures are sent at most this often, however busy it is. */
export const QUEUE_STATS_FLUSH_MS = 1_000;

export interface QueueStatsFeedDeps {
  router: Router;
  /** every queue (for the snapshot a new socket gets, queues with nobody waiting included) */
  queues: () => QueueConfig[];
  scopes: ScopeResolver;
  writer: Writer;
  now: Now;
  scheduler: Scheduler;
  notify?: Notify;
  reportError?: (error: unknown) => void;
}

type Stat = QueueStats[number];

/**
 * Waiting count and oldest queued time per queue, for the users who serve it. Agents never receive
 * queued conversations as rows (only offers), so without this their queue panel would always show
 * an empty line. The figures come from the router's waiting lines (memory, no query); after a
 * commit they are compared with what each user was last told (so a user who joined between two
 * flushes misses nothing) and the queues that changed go out as one `queues.stats` event per user,
 * at most once every QUEUE_STATS_FLUSH_MS.
 */
export class QueueStatsFeed {
  /** per watching user, what they were last told of each queue; a queue absent was last told empty */
  private readonly watchers = new Map<string, Map<string, Stat>>();
  private cancelFlush: Cancel | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: QueueStatsFeedDeps) {
    // Routing reconciles its lines in its own commit listener; the flush runs later, on the scheduler.
    deps.writer.onCommit(() => this.scheduleFlush());
  }

  /** A socket of the user opened: they get every queue they serve now, then changes. */
  watch(userId: string): void {
    const scope = this.deps.scopes.scopeFor(userId);
    if (!scope) return;
    const current = this.current();
    const served = this.deps.queues().filter((queue) => serves(scope, queue));
    const told = new Map<string, Stat>();
    for (const queue of served) {
      const stat = current.get(queue.id);
      if (stat) told.set(queue.id, stat);
    }
    // Another socket of the same user joins from this snapshot on: it is what every socket was just sent.
    this.watchers.set(userId, told);
    this.send(userId, served.map((queue) => current.get(queue.id) ?? emptyStat(queue.id)));
  }

  /** The user's last socket closed. */
  unwatch(userId: string): void {
    this.watchers.delete(userId);
  }

  dispose(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    this.watchers.clear();
  }

  private scheduleFlush(): void {
    if (this.cancelFlush || this.watchers.size === 0) return;
    const at = Math.max(this.deps.now(), this.lastFlushAt + QUEUE_STATS_FLUSH_MS);
    this.cancelFlush = this.deps.scheduler.at(at, () => {
      this.cancelFlush = undefined;
      this.lastFlushAt = this.deps.now();
      try {
        this.flush();
      } catch (error) {
        this.deps.reportError?.(error);
      }
    });
  }

  private flush(): void {
    const current = this.current();
    for (const [userId, told] of this.watchers) {
      const scope = this.deps.scopes.scopeFor(userId);
      if (!scope) continue;
      const changed: Stat[] = [];
      for (const [queueId, stat] of current) {
        const last = told.get(queueId);
        if (last?.waiting === stat.waiting && last.oldestQueuedAt === stat.oldestQueuedAt) continue;
        const queue = this.deps.router.queue(queueId);
        if (!queue || !serves(scope, queue)) continue;
        told.set(queueId, stat);
        changed.push(stat);
      }
      for (const queueId of [...told.keys()]) {
        if (current.has(queueId)) continue;
        told.delete(queueId);
        changed.push(emptyStat(queueId));
      }
      if (changed.length > 0) this.send(userId, changed);
    }
  }

  /** Queues with chats waiting now, from the router's lines. */
  private current(): Map<string, Stat> {
    const stats = new Map<string, Stat>();
    for (const item of this.deps.router.waiting()) {
      const stat = stats.get(item.queueId);
      if (!stat) stats.set(item.queueId, { queueId: item.queueId, waiting: 1, oldestQueuedAt: item.enqueuedAt });
      else {
        stat.waiting += 1;
        stat.oldestQueuedAt = Math.min(stat.oldestQueuedAt ?? item.enqueuedAt, item.enqueuedAt);
      }
    }
    return stats;
  }

  private send(userId: string, payload: QueueStats): void {
    try {
      this.deps.notify?.(userId, { t: 'event', name: 'queues.stats', payload });
    } catch (error) {
      this.deps.reportError?.(error);
    }
  }
}

/** The users who serve a queue: members of one of its teams (its shop's, for a merchant queue), and admins. */
function serves(scope: Scope, queue: QueueConfig): boolean {
  return scope.audience === 'admin' || queue.teamIds.some((teamId) => scope.teamIds.includes(teamId));
}

function emptyStat(queueId: string): Stat {
  return { queueId, waiting: 0, oldestQueuedAt: null };
}
