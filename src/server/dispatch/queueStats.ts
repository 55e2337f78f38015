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
 * commit they are compared with what was last sent and the queues that changed go out as one
 * `queues.stats` event per user, at most once every QUEUE_STATS_FLUSH_MS.
 */
export class QueueStatsFeed {
  private readonly watchers = new Set<string>();
  /** what was last sent per queue; a queue absent here was last sent (or is) empty */
  private readonly sent = new Map<string, Stat>();
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
    this.watchers.add(userId);
    const current = this.current();
    const served = this.deps.queues().filter((queue) => serves(scope, queue));
    this.send(userId, served.map((queue) => current.get(queue.id) ?? emptyStat(queue.id)));
  }

  /** The user's last socket closed. */
  unwatch(userId: string): void {
    this.watchers.delete(userId);
    // Nobody hears the flushes any more, so what was sent goes stale: the next watcher's first flush starts afresh.
    if (this.watchers.size === 0) this.sent.clear();
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
    const changed: Stat[] = [];
    for (const [queueId, stat] of current) {
      const last = this.sent.get(queueId);
      if (last?.waiting !== stat.waiting || last.oldestQueuedAt !== stat.oldestQueuedAt) changed.push(stat);
    }
    for (const queueId of this.sent.keys()) if (!current.has(queueId)) changed.push(emptyStat(queueId));
    this.sent.clear();
    for (const [queueId, stat] of current) this.sent.set(queueId, stat);
    if (changed.length === 0) return;
    for (const userId of this.watchers) {
      const scope = this.deps.scopes.scopeFor(userId);
      if (!scope) continue;
      const theirs = changed.filter((stat) => {
        const queue = this.deps.router.queue(stat.queueId);
        return queue !== undefined && serves(scope, queue);
      });
      if (theirs.length > 0) this.send(userId, theirs);
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
