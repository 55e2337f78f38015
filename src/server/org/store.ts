import type { Queue, QueueHours, Shop, Team } from '../../shared/domain/org';
import { stringArray } from '../db/json';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';
import type { Role, TeamKind } from '../scope/roles';

/* Shops, teams, memberships, queues and the seat profile of users. */

export interface QueueRecord {
  id: string;
  name: string;
  kind: Queue['kind'];
  shopId: string | null;
  botFirst: boolean;
  channels: Queue['channels'];
  maxConcurrent: number | null;
  deleted: boolean;
}

export interface UserProfile {
  id: string;
  displayName: string;
  role: Role;
  teamKind: TeamKind;
  shopId: string | null;
  maxConcurrent: number;
  deleted: boolean;
}

export interface NewQueue {
  id: string;
  name: string;
  kind: Queue['kind'];
  shopId: string | null;
  teamIds: readonly string[];
  botFirst: boolean;
  channels: Queue['channels'];
  hours: QueueHours;
  maxConcurrent: number | null;
}

export interface SeatProfile {
  shopId: string | null;
  skills: readonly string[];
  maxConcurrent: number;
}

export interface OrgReads {
  queue(id: string): QueueRecord | null;
  /** live queues, for the customer side's queue list */
  queues(): QueueRecord[];
  user(id: string): UserProfile | null;
  team(id: string): (Team & { deleted: boolean }) | null;
  teamMembers(teamId: string): string[];
  queueIdsOfTeam(teamId: string): string[];
  /** KB articles and team-shared canned replies a member of this team sees through it */
  kbIdsOfTeam(teamId: string): string[];
  cannedIdsOfTeam(teamId: string): string[];
  /** whether any shop, team or queue exists: the demo loader only fills an empty org */
  hasOrg(): boolean;
}

export interface OrgWrites {
  insertShop(tx: WriteTx, shop: Shop): void;
  insertTeam(tx: WriteTx, team: Team): void;
  insertQueue(tx: WriteTx, queue: NewQueue): void;
  /** sets a user's shop, skills and capacity and re-stamps their directory entry */
  setSeatProfile(tx: WriteTx, userId: string, profile: SeatProfile): void;
  /** returns false when already a member; re-stamps the user (their teamIds changed) */
  addTeamMember(tx: WriteTx, teamId: string, userId: string): boolean;
}

export type OrgStore = OrgReads & OrgWrites;

interface QueueRow {
  id: string;
  name: string;
  kind: Queue['kind'];
  shop_id: string | null;
  bot_first: number;
  channels: string;
  max_concurrent: number | null;
  deleted: number;
}

function toQueue(r: QueueRow): QueueRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    shopId: r.shop_id,
    botFirst: r.bot_first === 1,
    channels: stringArray(r.channels) as Queue['channels'],
    maxConcurrent: r.max_concurrent,
    deleted: r.deleted === 1,
  };
}

export function createOrgStore(db: SqliteDatabase): OrgStore {
  const queueCols = 'id, name, kind, shop_id, bot_first, channels, max_concurrent, deleted';
  const queueById = db.prepare<[string], QueueRow>(`SELECT ${queueCols} FROM queues WHERE id = ?`);
  const liveQueues = db.prepare<[], QueueRow>(`SELECT ${queueCols} FROM queues WHERE deleted = 0 ORDER BY id`);
  const userById = db.prepare<
    [string],
    { id: string; display_name: string; role: Role; team_kind: TeamKind; shop_id: string | null; max_concurrent: number; deleted: number }
  >('SELECT id, display_name, role, team_kind, shop_id, max_concurrent, deleted FROM users WHERE id = ?');
  const teamById = db.prepare<[string], { id: string; name: string; kind: TeamKind; shop_id: string | null; deleted: number }>(
    'SELECT id, name, kind, shop_id, deleted FROM teams WHERE id = ?',
  );
  const kbOfTeam = db.prepare<[string], { article_id: string }>('SELECT article_id FROM kb_article_teams WHERE team_id = ? ORDER BY article_id');
  const cannedOfTeam = db.prepare<[string], { id: string }>(
    "SELECT id FROM canned_replies WHERE scope = 'team' AND team_id = ? ORDER BY id",
  );
  const members = db.prepare<[string], { user_id: string }>('SELECT user_id FROM team_members WHERE team_id = ? ORDER BY user_id');
  const queuesOfTeam = db.prepare<[string], { queue_id: string }>('SELECT queue_id FROM queue_teams WHERE team_id = ? ORDER BY queue_id');
  const anyOrg = db.prepare<[], { n: number }>(
    'SELECT (SELECT COUNT(*) FROM shops) + (SELECT COUNT(*) FROM teams) + (SELECT COUNT(*) FROM queues) AS n',
  );
  const insertShop = db.prepare<[string, string, number]>('INSERT INTO shops (id, name, seq) VALUES (?, ?, ?)');
  const insertTeam = db.prepare<[string, string, string, string | null, number]>(
    'INSERT INTO teams (id, name, kind, shop_id, seq) VALUES (?, ?, ?, ?, ?)',
  );
  const insertQueue = db.prepare<[string, string, string, string | null, number, string, string, number | null, number]>(
    'INSERT INTO queues (id, name, kind, shop_id, bot_first, channels, hours, max_concurrent, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertQueueTeam = db.prepare<[string, string]>('INSERT INTO queue_teams (queue_id, team_id) VALUES (?, ?)');
  const seatProfile = db.prepare<[string | null, string, number, string, number, string]>(
    'UPDATE users SET shop_id = ?, skills = ?, max_concurrent = ?, team_kind = ?, seq = ? WHERE id = ?',
  );
  const insertMember = db.prepare<[string, string]>('INSERT OR IGNORE INTO team_members (team_id, user_id) VALUES (?, ?)');
  const restampUser = db.prepare<[number, string]>('UPDATE users SET seq = ? WHERE id = ?');

  return {
    queue: (id) => {
      const row = queueById.get(id);
      return row ? toQueue(row) : null;
    },
    queues: () => liveQueues.all().map(toQueue),
    user: (id) => {
      const r = userById.get(id);
      return r
        ? { id: r.id, displayName: r.display_name, role: r.role, teamKind: r.team_kind, shopId: r.shop_id, maxConcurrent: r.max_concurrent, deleted: r.deleted === 1 }
        : null;
    },
    team: (id) => {
      const r = teamById.get(id);
      return r ? { id: r.id, name: r.name, kind: r.kind, shopId: r.shop_id, deleted: r.deleted === 1 } : null;
    },
    kbIdsOfTeam: (teamId) => kbOfTeam.all(teamId).map((r) => r.article_id),
    cannedIdsOfTeam: (teamId) => cannedOfTeam.all(teamId).map((r) => r.id),
    teamMembers: (teamId) => members.all(teamId).map((r) => r.user_id),
    queueIdsOfTeam: (teamId) => queuesOfTeam.all(teamId).map((r) => r.queue_id),
    hasOrg: () => (anyOrg.get()?.n ?? 0) > 0,

    insertShop: (tx, shop) => {
      insertShop.run(shop.id, shop.name, tx.stamp('shops'));
    },
    insertTeam: (tx, team) => {
      insertTeam.run(team.id, team.name, team.kind, team.shopId, tx.stamp('teams'));
    },
    insertQueue: (tx, q) => {
      insertQueue.run(
        q.id,
        q.name,
        q.kind,
        q.shopId,
        q.botFirst ? 1 : 0,
        JSON.stringify(q.channels),
        JSON.stringify(q.hours),
        q.maxConcurrent,
        tx.stamp('queues'),
      );
      for (const teamId of q.teamIds) insertQueueTeam.run(q.id, teamId);
    },
    setSeatProfile: (tx, userId, p) => {
      // team_kind follows the shop: a user with a shop sits on the merchant side.
      const kind: TeamKind = p.shopId === null ? 'platform' : 'merchant';
      seatProfile.run(p.shopId, JSON.stringify(p.skills), p.maxConcurrent, kind, tx.stamp('agents'), userId);
    },
    addTeamMember: (tx, teamId, userId) => {
      if (insertMember.run(teamId, userId).changes === 0) return false;
      restampUser.run(tx.stamp('agents'), userId);
      return true;
    },
  };
}
