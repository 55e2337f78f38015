import type { Followup } from '../../shared/domain/tickets';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import { FOLLOWUP_COLUMNS, toFollowup, type FollowupRow } from './rows';

/* Follow-ups: one agent, a due time and a note, on a conversation or a ticket. */

export type FollowupRecord = Followup & { deleted: boolean };

export interface FollowupsReads {
  followup(id: string): FollowupRecord | null;
  /** not done, not deleted, due after `after`: what the reminders arm at start-up */
  openDueAfter(after: number): Followup[];
  /** ids of the follow-ups of a team's agents, for re-stamping when a lead joins the team */
  idsOfTeam(teamId: string): string[];
}

export interface FollowupsWrites {
  insertFollowup(tx: WriteTx, followup: Followup): void;
  /** sets doneAt and re-stamps the row */
  complete(tx: WriteTx, id: string, doneAt: number): void;
}

export type FollowupsStore = FollowupsReads & FollowupsWrites;

export function createFollowupsStore(db: SqliteDatabase): FollowupsStore {
  const byId = db.prepare<[string], FollowupRow>(`SELECT ${FOLLOWUP_COLUMNS} FROM followups t WHERE t.id = ?`);
  const open = db.prepare<[number], FollowupRow>(
    `SELECT ${FOLLOWUP_COLUMNS} FROM followups t WHERE t.done_at IS NULL AND t.deleted = 0 AND t.due_at > ? ORDER BY t.due_at, t.id`,
  );
  const ofTeam = db.prepare<[string], { id: string }>(
    'SELECT f.id FROM followups f JOIN team_members m ON m.user_id = f.agent_id WHERE m.team_id = ? ORDER BY f.created_at, f.id',
  );
  const insert = db.prepare(
    `INSERT INTO followups (id, conversation_id, ticket_id, agent_id, creator_id, due_at, note, done_at, created_at, seq)
     VALUES (@id, @conversationId, @ticketId, @agentId, @creatorId, @dueAt, @note, @doneAt, @createdAt, @seq)`,
  );
  const done = db.prepare<[number, number, string]>('UPDATE followups SET done_at = ?, seq = ? WHERE id = ?');
  return {
    followup: (id) => {
      const row = byId.get(id);
      return row ? { ...toFollowup(row), deleted: row.deleted === 1 } : null;
    },
    openDueAfter: (after) => open.all(after).map(toFollowup),
    idsOfTeam: (teamId) => ofTeam.all(teamId).map((r) => r.id),
    insertFollowup: (tx, f) => {
      insert.run({ ...f, seq: tx.stamp('followups') });
    },
    complete: (tx, id, doneAt) => {
      done.run(doneAt, tx.stamp('followups'), id);
    },
  };
}
