import type { CannedReply } from '../../shared/domain/canned';
import { defineSource, type BaseRow } from '../sync/source';

interface CannedRow extends BaseRow {
  scope: CannedReply['scope'];
  team_id: string | null;
  owner_id: string | null;
  shortcut: string;
  title: string;
  body: string;
  updated_at: number;
}

export const cannedSource = defineSource({
  entity: 'canned',
  table: 'canned_replies',
  columns: 't.id, t.seq, t.deleted, t.scope, t.team_id, t.owner_id, t.shortcut, t.title, t.body, t.updated_at',
  toData: (r: CannedRow) => ({
    id: r.id,
    scope: r.scope,
    teamId: r.team_id,
    ownerId: r.owner_id,
    shortcut: r.shortcut,
    title: r.title,
    body: r.body,
    updatedAt: r.updated_at,
  }),
});
