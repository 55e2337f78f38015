import type { Queue } from '../../shared/domain/org';
import { parseJson, stringArray } from '../db/json';
import type { Role, TeamKind } from '../scope/roles';
import { defineSource, type BaseRow } from '../sync/source';

/* Sync sources of the organisation: shops, teams, queues and the agent directory (users). */

export const shopsSource = defineSource({
  entity: 'shops',
  table: 'shops',
  columns: 't.id, t.seq, t.deleted, t.name',
  toData: (r: BaseRow & { name: string }) => ({ id: r.id, name: r.name }),
});

export const teamsSource = defineSource({
  entity: 'teams',
  table: 'teams',
  columns: 't.id, t.seq, t.deleted, t.name, t.kind, t.shop_id',
  toData: (r: BaseRow & { name: string; kind: TeamKind; shop_id: string | null }) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    shopId: r.shop_id,
  }),
});

interface QueueRow extends BaseRow {
  name: string;
  kind: Queue['kind'];
  shop_id: string | null;
  team_ids: string;
  bot_first: number;
  channels: string;
  hours: string;
  max_concurrent: number | null;
}

export const queuesSource = defineSource({
  entity: 'queues',
  table: 'queues',
  columns: `t.id, t.seq, t.deleted, t.name, t.kind, t.shop_id, t.bot_first, t.channels, t.hours, t.max_concurrent,
    (SELECT json_group_array(qt.team_id) FROM queue_teams qt WHERE qt.queue_id = t.id) AS team_ids`,
  toData: (r: QueueRow): Queue => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    shopId: r.shop_id,
    teamIds: stringArray(r.team_ids).sort(),
    botFirst: r.bot_first === 1,
    channels: stringArray(r.channels) as Queue['channels'],
    hours: parseJson<Queue['hours']>(r.hours, '24x7'),
    maxConcurrent: r.max_concurrent,
  }),
});

interface AgentRow extends BaseRow {
  display_name: string;
  role: Role;
  shop_id: string | null;
  max_concurrent: number;
  skills: string;
  team_ids: string;
}

/** The directory reads users but never selects the password hash or the username. */
export const agentsSource = defineSource({
  entity: 'agents',
  table: 'users',
  columns: `t.id, t.seq, t.deleted, t.display_name, t.role, t.shop_id, t.max_concurrent, t.skills,
    (SELECT json_group_array(tm.team_id) FROM team_members tm WHERE tm.user_id = t.id) AS team_ids`,
  toData: (r: AgentRow) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    teamIds: stringArray(r.team_ids).sort(),
    shopId: r.shop_id,
    maxConcurrent: r.max_concurrent,
    skills: stringArray(r.skills),
  }),
});
