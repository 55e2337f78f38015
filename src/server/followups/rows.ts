import type { Followup } from '../../shared/domain/tickets';
import { defineSource, type BaseRow } from '../sync/source';

export interface FollowupRow extends BaseRow {
  conversation_id: string | null;
  ticket_id: string | null;
  agent_id: string;
  creator_id: string;
  due_at: number;
  note: string;
  done_at: number | null;
  created_at: number;
}

export const FOLLOWUP_COLUMNS = 't.id, t.seq, t.deleted, t.conversation_id, t.ticket_id, t.agent_id, t.creator_id, t.due_at, t.note, t.done_at, t.created_at';

export function toFollowup(r: FollowupRow): Followup {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    ticketId: r.ticket_id,
    agentId: r.agent_id,
    creatorId: r.creator_id,
    dueAt: r.due_at,
    note: r.note,
    doneAt: r.done_at,
    createdAt: r.created_at,
  };
}

export const followupsSource = defineSource({
  entity: 'followups',
  table: 'followups',
  columns: FOLLOWUP_COLUMNS,
  toData: (r: FollowupRow) => toFollowup(r),
});
