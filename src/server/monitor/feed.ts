import type { AgentFigures, MonitorAlert, MonitorDelta, MonitorSnapshot, QueueFigures } from '../../shared/api/monitor';
import { dayStart } from '../../shared/metrics/kpis';
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

/** The queues and agents of the rows committed since the last look, and agents whose presence changed. */
type Touched = { queueIds: Set<string>; agentIds: Set<string> };

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

/** A row as last sent to a watcher: the same object again needs no comparison. */
interface Sent<T> {
  row: T;
  json: string;
}

/** What one watching lead was last told, so the next event carries only what changed. */
interface Watcher {
  queues: Map<string, Sent<QueueFigures>>;
  agents: Map<string, Sent<AgentFigures>>;
  alerts: Map<string, MonitorAlert>;
}

interface Figures {
  /** when every row was last recomputed (a look may have recomputed some since) */
  fullAt: number;
  queues: QueueFigures[];
  agents: AgentFigures[];
}

/** Figures nothing touched are still recomputed this often: the 15-minute window moves with time alone. */
const MAX_FIGURES_AGE_MS = 60_000;

/**
 * The live side of the monitor. Every MONITOR_FLUSH_MS while a lead or admin has a socket open, it
 * looks at what changed since the last look: the queues and agents of the committed rows (one
 * indexed read over the seq range), agents whose presence changed (presence lives in the router),
 * and queues with chats waiting (their figures change with time alone). Only those rows are
 * recomputed, once per distinct scope, with the scoped reads of metrics/store.ts: a centre of
 * 1,000 agents has a few of them busy in any half second, and reading the day's messages of all
 * of them at every look would stretch the look past its cadence. Each watcher gets the rows that
 * differ from what it was last sent, and its thresholds are evaluated (waits grow without any write).
 */
export class MonitorFeed implements LivePresence {
  private readonly watchers = new Map<string, Watcher>();
  private readonly presenceSeen = new Map<string, { presence: Presence; since: number }>();
  /** the last figures of each distinct scope being watched */
  private readonly cached = new Map<string, Figures>();
  /** seq range committed since the last look, whose queues and agents are stale */
  private committed: { from: number; to: number } | null = null;
  /** a change of teams, queues or agents: every scope is stale */
  private allStale = true;
  /** agents whose presence changed since the last look (a snapshot request may notice it first) */
  private readonly presenceChanged = new Set<string>();
  private cancelTick: Cancel | undefined;
  /** when the look scheduled last was due */
  private due = 0;

  constructor(private readonly deps: MonitorFeedDeps) {
    deps.writer.onCommit((commit) => {
      // Memberships, caps and queue set-ups change which rows a scope has: rare, so recompute them all.
      if (commit.entities.has('teams') || commit.entities.has('queues') || commit.entities.has('agents')) this.allStale = true;
      this.committed = { from: Math.min(this.committed?.from ?? commit.from, commit.from), to: commit.to };
    });
  }

  /** GET /api/monitor/snapshot: fresh figures and the caller's standing alerts. */
  snapshot(scope: Scope): MonitorSnapshot {
    const now = this.deps.now();
    this.notePresence(now);
    const { queues, agents } = this.compute(scope, now);
    const standing = this.watchers.get(scope.userId)?.alerts;
    const alerts = standing ? [...standing.values()] : [...this.evaluate(scope, { queues, agents }, now, new Map()).raised.values()];
    return { at: now, queues, agents, alerts };
  }

  /** A socket of the user opened: leads and admins start receiving events. */
  watch(userId: string): void {
    const scope = this.deps.scopes.scopeFor(userId);
    if (!scope || !supervises(scope) || this.watchers.has(userId)) return;
    this.watchers.set(userId, { queues: new Map(), agents: new Map(), alerts: new Map() });
    if (!this.cancelTick) this.schedule(this.deps.now() + MONITOR_FLUSH_MS);
  }

  /** The user's last socket closed. */
  unwatch(userId: string): void {
    this.watchers.delete(userId);
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
    if (this.watchers.size === 0) {
      // Nobody watches: forget everything, the next watcher starts from fresh figures.
      this.cached.clear();
      this.committed = null;
      this.allStale = true;
      return;
    }
    try {
      this.flush(this.deps.now());
    } catch (error) {
      this.deps.reportError?.(error);
    }
    // A fixed rate, not a fixed delay: the next look is due one period after this one was, so a look
    // that fired late or took long on a busy server does not stretch the cadence (waiting a full
    // period after each look made it ~1 s in the monitorWindow benchmark); a fifth of the period
    // is always left to the rest of the server.
    this.schedule(Math.max(this.due + MONITOR_FLUSH_MS, this.deps.now() + MONITOR_FLUSH_MS / 5));
  }

  private schedule(due: number): void {
    this.due = due;
    this.cancelTick = this.deps.scheduler.at(due, () => this.tick());
  }

  private flush(now: number): void {
    // A first look recomputes every scope anyway: reading what each commit since start-up touched would be wasted.
    const touched: Touched =
      this.committed && !this.allStale
        ? this.deps.metrics.touched(this.committed.from, this.committed.to)
        : { queueIds: new Set<string>(), agentIds: new Set<string>() };
    this.notePresence(now);
    for (const id of this.presenceChanged) touched.agentIds.add(id);
    this.presenceChanged.clear();
    const all = this.allStale;
    this.committed = null;
    this.allStale = false;
    const fresh = new Map<string, Figures>();
    for (const [userId, watcher] of this.watchers) {
      const scope = this.deps.scopes.scopeFor(userId);
      if (!scope) continue;
      const key = scopeKey(scope);
      let figures = fresh.get(key);
      if (!figures) {
        const cached = this.cached.get(key);
        figures = cached && !all ? this.refresh(scope, cached, touched, now) : this.compute(scope, now);
      }
      fresh.set(key, figures);
      this.sendChanges(userId, watcher, figures, now);
      const { raised, changes } = this.evaluate(scope, figures, now, watcher.alerts);
      watcher.alerts = raised;
      for (const alert of changes) this.deps.notify?.(userId, { t: 'event', name: 'monitor.alert', payload: alert });
    }
    // Scopes nobody watches any more are forgotten with this.
    this.cached.clear();
    for (const [key, figures] of fresh) this.cached.set(key, figures);
  }

  private compute(scope: Scope, now: number): Figures {
    return { fullAt: now, queues: queueFigures(this.deps.metrics, scope, now), agents: agentFigures(this.deps.metrics, scope, now, this) };
  }

  /**
   * A scope's figures with what moved recomputed: the queues when a change touched one of them or
   * one has chats waiting (a pending pickup turns missed with time alone), and the agents a change
   * touched; every row when they are a minute old (the 15-minute window moves) or from another day.
   * Untouched rows keep their objects (nothing to compare before sending).
   */
  private refresh(scope: Scope, figures: Figures, touched: Touched, now: number): Figures {
    if (now - figures.fullAt >= MAX_FIGURES_AGE_MS || dayStart(now) !== dayStart(figures.fullAt)) return this.compute(scope, now);
    const queuesMoved = figures.queues.some((q) => q.waiting > 0 || touched.queueIds.has(q.queueId));
    const agentIds = figures.agents.filter((a) => touched.agentIds.has(a.agentId)).map((a) => a.agentId);
    if (!queuesMoved && agentIds.length === 0) return figures;
    const agents = agentIds.length > 0 ? new Map(agentFigures(this.deps.metrics, scope, now, this, agentIds).map((a) => [a.agentId, a])) : null;
    return {
      fullAt: figures.fullAt,
      queues: queuesMoved ? queueFigures(this.deps.metrics, scope, now) : figures.queues,
      agents: agents ? figures.agents.map((a) => agents.get(a.agentId) ?? a) : figures.agents,
    };
  }

  private sendChanges(userId: string, watcher: Watcher, figures: Figures, now: number): void {
    const queues = changedRows(watcher.queues, figures.queues, (q) => q.queueId);
    const agents = changedRows(watcher.agents, figures.agents, (a) => a.agentId);
    if (queues.changed.length + agents.changed.length + queues.removed.length + agents.removed.length === 0) return;
    const delta: MonitorDelta = { at: now, queues: queues.changed, agents: agents.changed, removedQueueIds: queues.removed, removedAgentIds: agents.removed };
    this.deps.notify?.(userId, { t: 'event', name: 'monitor.changed', payload: delta });
  }

  private evaluate(scope: Scope, figures: Pick<Figures, 'queues' | 'agents'>, now: number, previous: ReadonlyMap<string, MonitorAlert>) {
    const { router } = this.deps;
    return evaluateAlerts({
      rules: this.deps.rules.rulesOf(scope.userId),
      queues: figures.queues,
      agents: figures.agents,
      now,
      previous,
      serves: (agentId, queueId) => {
        const teams = router.queue(queueId)?.teamIds ?? [];
        return router.agent(agentId)?.teamIds.some((t) => teams.includes(t)) ?? false;
      },
    });
  }

  /** Records when each agent's presence last changed, and that it did for the next look. */
  private notePresence(now: number): void {
    for (const agent of this.deps.router.agents()) {
      const seen = this.presenceSeen.get(agent.id);
      if (seen?.presence === agent.presence) continue;
      this.presenceSeen.set(agent.id, { presence: agent.presence, since: now });
      this.presenceChanged.add(agent.id);
    }
  }
}

/** Rows whose JSON differs from the last sent (updating `sent`), and ids no longer present. */
function changedRows<T>(sent: Map<string, Sent<T>>, rows: readonly T[], id: (row: T) => string): { changed: T[]; removed: string[] } {
  const changed: T[] = [];
  const present = new Set<string>();
  for (const row of rows) {
    const key = id(row);
    present.add(key);
    const last = sent.get(key);
    if (last?.row === row) continue;
    const json = JSON.stringify(row);
    sent.set(key, { row, json });
    if (last?.json !== json) changed.push(row);
  }
  const removed = [...sent.keys()].filter((key) => !present.has(key));
  for (const key of removed) sent.delete(key);
  return { changed, removed };
}

/** Leads of the same teams see the same figures: one computation serves them all. */
function scopeKey(scope: Scope): string {
  return `${scope.audience}|${scope.shopId ?? ''}|${[...scope.teamIds].sort().join(',')}`;
}
