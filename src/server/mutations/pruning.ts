import type { Writer } from '../db/writer';
import type { Cancel, Scheduler } from '../routing/scheduler';
import type { AppliedMutationsWrites } from './store';

/** How long the outcome of an applied mutation is kept for repeats (docs/sync-protocol.md, Mutations). */
export const DEFAULT_MUTATION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** How often old outcomes are swept. */
export const MUTATION_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Rows deleted per write transaction, so a large backlog never holds the one writer for long. */
const BATCH = 5_000;

/**
 * Keeps applied_mutations from growing without end: every interval (and once at start) it
 * forgets outcomes older than the retention, in short batches. Driven by the injected clock and
 * scheduler, so tests move time by hand.
 */
export class AppliedMutationsPruner {
  private cancel: Cancel | null = null;

  constructor(
    private readonly deps: {
      writer: Writer;
      applied: AppliedMutationsWrites;
      scheduler: Scheduler;
      now: () => number;
      retentionMs?: number;
      intervalMs?: number;
      reportError?: (error: unknown) => void;
    },
  ) {}

  /** Deletes every outcome recorded more than the retention ago; returns how many. */
  pruneNow(): number {
    const before = this.deps.now() - (this.deps.retentionMs ?? DEFAULT_MUTATION_RETENTION_MS);
    let total = 0;
    for (;;) {
      const deleted = this.deps.writer.write((tx) => this.deps.applied.prune(tx, before, BATCH));
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }

  start(): void {
    const tick = () => {
      try {
        this.pruneNow();
      } catch (error) {
        this.deps.reportError?.(error);
      }
      this.cancel = this.deps.scheduler.at(this.deps.now() + (this.deps.intervalMs ?? MUTATION_PRUNE_INTERVAL_MS), tick);
    };
    tick();
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
