import type { Followup } from '../../shared/domain/tickets';
import type { Notify } from '../dispatch/service';
import type { Cancel, Now, Scheduler } from '../routing/scheduler';
import type { FollowupsReads } from './store';

/**
 * Tells an agent's sockets `followups.due` when one of their follow-ups falls due. Timers live in
 * memory; the table is the truth: at start every open follow-up still ahead is armed again (so a
 * restart loses none), and a timer re-reads its row when it fires, so one completed (or rolled back
 * with its transaction) in the meantime stays quiet: completing needs no timer bookkeeping. Follow-ups that fell due while the server was
 * down are not announced: nobody was connected, and workstations show overdue ones from the rows.
 */
export class FollowupReminders {
  private readonly timers = new Map<string, Cancel>();
  private disposed = false;

  constructor(
    private readonly deps: {
      followups: FollowupsReads;
      scheduler: Scheduler;
      now: Now;
      notify?: Notify;
      reportError?: (error: unknown) => void;
    },
  ) {
    for (const followup of deps.followups.openDueAfter(deps.now())) this.arm(followup);
  }

  arm(followup: Pick<Followup, 'id' | 'dueAt'>): void {
    if (this.disposed) return;
    this.timers.get(followup.id)?.();
    this.timers.set(
      followup.id,
      this.deps.scheduler.at(followup.dueAt, () => this.fire(followup.id)),
    );
  }

  /** Stops every timer (server shutdown). */
  dispose(): void {
    this.disposed = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private fire(id: string): void {
    this.timers.delete(id);
    try {
      const followup = this.deps.followups.followup(id);
      if (!followup || followup.deleted || followup.doneAt !== null) return;
      const { deleted: _deleted, ...payload } = followup;
      this.deps.notify?.(followup.agentId, { t: 'event', name: 'followups.due', payload });
    } catch (error) {
      // A broken socket must not take the timer loop down.
      this.deps.reportError?.(error);
    }
  }
}
