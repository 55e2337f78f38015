import type { AgentFigures, MonitorAlert, MonitorDelta, MonitorSnapshot, QueueFigures } from '../../shared/api/monitor';
import type { Writer } from '../db/writer';
import type { Notify } from '../dispatch/service';
import type { MetricsReads } from '../metrics/store';
import type { Router } from '../routing/router';
import type { Cancel, Now, Scheduler } from '../routing/scheduler';
import type { Presence } from '../routing/types';
import type { ScopeResolver } from '../scope/resolver';
import { supervises, type Scope } from '../scope/scope';
import { evaluateAlerts } from './alerts';
import type { AlertRulesStore } from './alertRules';
import { agentFigures, queueFigures, type LivePresence } from './figures';

/**
 * How often the feed looks for changes while a lead or admin is connected. Changes are coalesced
 * into one `monitor.changed` per look, so a busy centre sends at most two a second per lead and
 * none is more than this (plus the time to compute) behind its commit.
 */
export const MONITOR_FLUSH_MS = 500;

export interface MonitorFeedDeps {
  metrics: MetricsReads;
  scopes: ScopeResolver;
  rules: AlertRulesStore;
  router: Router;
  writer: Writer;
  now: Now;
  scheduler: Scheduler;
  notify?: Notify;
  reportError?: (error: unknown) => void;
}

/** What one watching lead was last told, so the next event carries only what changed. */
interface Watcher {
  queues: Map<string, string>;
  agents: Map<string, string>;
  alerts: Map<string, MonitorAlert>;
}

interface Figures {
  queues: QueueFigures[];
  agents: AgentFigures[];
}

/**
 * The live side of the monitor. Any commit marks the figures stale; so does a presence change
 * (presence lives in the router, not the database) and, for alerts, the passing of time (waits
 * grow without any write, and a waiting chat's pickup turns from pending to missed). Every MONITOR_FLUSH_MS while someone watches, stale figures are
 * recomputed once per distinct scope with the scoped reads of metrics/store.ts, each watcher gets
 * the rows that differ from what it was last sent, and every watcher's thresholds are evaluated.
 */
export class MonitorFeed implements LivePresence {
  private readonly watchers = new Map<string, Watcher>();
  private readonly presenceSeen = new Map<string, { presence: Presence; since: number }>();
  private cached = new Map<string, Figures>();
  private stale = true;
  private cancelTick: Cancel | undefined;

  constructor(private readonly deps: MonitorFeedDeps) {
    deps.writer.onCommit(() => {
      this.stale = true;
    });
  }

  /** GET /api/monitor/snapshot: fresh figures and the caller's standing alerts. */
  snapshot(scope: Scope): MonitorSnapshot {
    const now = this.deps.now();
    this.notePresence(now);
    const figures = this.compute(scope, now);
    const standing = this.watchers.get(scope.userId)?.alerts;
    const alerts = standing ? [...standing.values()] : [...this.evaluate(scope, figures, now, new Map()).raised.values()];
    return { at: now, ...figures, alerts };
  }

  /** A socket of the user opened: leads and admins start receiving events. */
  watch(userId: string): void {
    const scope = this.deps.scopes.scopeFor(userId);
    if (!scope || !supervises(scope) || this.watchers.has(userId)) return;
    this.watchers.set(userId, { queues: new Map(), agents: new Map(), alerts: new Map() });
    this.stale = true;
    this.cancelTick ??= this.deps.scheduler.at(this.deps.now() + MONITOR_FLUSH_MS, () => this.tick());
  }

  /** The user's last socket closed. */
  unwatch(userId: string): void {
    this.watchers.delete(userId);
  }

  /** A lead changed their thresholds: evaluate them at the next look. */
  rulesChanged(): void {
    this.stale = true;
  }

  dispose(): void {
    this.cancelTick?.();
    this.cancelTick = undefined;
    this.watchers.clear();
  }

  presence(agentId: string): Presence {
    return this.deps.router.agent(agentId)?.presence ?? 'offline';
  }

  since(agentId: string): number {
    let seen = this.presenceSeen.get(agentId);
    if (!seen) {
      // Not routed (no socket since start-up): offline from the first look on.
      seen = { presence: this.presence(agentId), since: this.deps.now() };
      this.presenceSeen.set(agentId, seen);
    }
    return seen.since;
  }

  capacity(agentId: string): number | undefined {
    return this.deps.router.agent(agentId)?.maxConcurrent;
  }

  private tick(): void {
    this.cancelTick = undefined;
    if (this.watchers.size === 0) return;
    try {
      this.flush(this.deps.now());
    } catch (error) {
      this.deps.reportError?.(error);
    }
    this.cancelTick = this.deps.scheduler.at(this.deps.now() + MONITOR_FLUSH_MS, () => this.tick());
  }

  private flush(now: number): void {
    if (this.notePresence(now)) this.stale = true;
    // While chats wait, pickup outcomes turn from pending to missed with time alone.
    const recompute = this.stale || [...this.cached.values()].some((f) => f.queues.some((q) => q.waiting > 0));
    this.stale = false;
    if (recompute) this.cached = new Map();
    for (const [userId, watcher] of this.watchers) {
      const scope = this.deps.scopes.scopeFor(userId);
      if (!scope) continue;
      const figures = this.figuresFor(scope, now);
      if (recompute) this.sendChanges(userId, watcher, figures, now);
      const { raised, changes } = this.evaluate(scope, figures, now, watcher.alerts);
      watcher.alerts = raised;
      for (const alert of changes) this.deps.notify?.(userId, { t: 'event', name: 'monitor.alert', payload: alert });
    }
  }

  /** One computation per distinct scope and look: leads of the same teams share it. */
  private figuresFor(scope: Scope, now: number): Figures {
    const key = `${scope.audience}|${scope.shopId ?? ''}|${[...scope.teamIds].sort().join(',')}`;
    let figures = this.cached.get(key);
    if (!figures) {
      figures = this.compute(scope, now);
      this.cached.set(key, figures);
    }
    return figures;
  }

  private compute(scope: Scope, now: number): Figures {
    return { queues: queueFigures(this.deps.metrics, scope, now), agents: agentFigures(this.deps.metrics, scope, now, this) };
  }

  private sendChanges(userId: string, watcher: Watcher, figures: Figures, now: number): void {
    const queues = changedRows(watcher.queues, figures.queues, (q) => q.queueId);
    const agents = changedRows(watcher.agents, figures.agents, (a) => a.agentId);
    if (queues.changed.length + agents.changed.length + queues.removed.length + agents.removed.length === 0) return;
    const delta: MonitorDelta = { at: now, queues: queues.changed, agents: agents.changed, removedQueueIds: queues.removed, removedAgentIds: agents.removed };
    this.deps.notify?.(userId, { t: 'event', name: 'monitor.changed', payload: delta });
  }

  private evaluate(scope: Scope, figures: Figures, now: number, previous: ReadonlyMap<string, MonitorAlert>) {
    const { router } = this.deps;
    return evaluateAlerts({
      rules: this.deps.rules.rulesOf(scope.userId),
      ...figures,
      now,
      previous,
      serves: (agentId, queueId) => {
        const teams = router.queue(queueId)?.teamIds ?? [];
        return router.agent(agentId)?.teamIds.some((t) => teams.includes(t)) ?? false;
      },
    });
  }

  /** Records when each agent's presence last changed; true when one did since the last look. */
  private notePresence(now: number): boolean {
    let changed = false;
    for (const agent of this.deps.router.agents()) {
      const seen = this.presenceSeen.get(agent.id);
      if (seen?.presence === agent.presence) continue;
      this.presenceSeen.set(agent.id, { presence: agent.presence, since: now });
      changed = true;
    }
    return changed;
  }
}

/** Rows whose JSON differs from the last sent (updating `sent`), and ids no longer present. */
function changedRows<T>(sent: Map<string, string>, rows: readonly T[], id: (row: T) => string): { changed: T[]; removed: string[] } {
  const changed: T[] = [];
  const present = new Set<string>();
  for (const row of rows) {
    const key = id(row);
    present.add(key);
    const json = JSON.stringify(row);
    if (sent.get(key) === json) continue;
    sent.set(key, json);
    changed.push(row);
  }
  const removed = [...sent.keys()].filter((key) => !present.has(key));
  for (const key of removed) sent.delete(key);
  return { changed, removed };
}
