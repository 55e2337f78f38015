import type { SqliteDatabase } from '../db/sqlite';
import type { ScopeSubject } from './scope';

/** What scopes are computed from: the user's profile and memberships. */
export interface ScopeReads {
  /** null for unknown or deleted users */
  subject(userId: string): ScopeSubject | null;
  teamIdsOf(userId: string): string[];
}

export function createScopeStore(db: SqliteDatabase): ScopeReads {
  const subject = db.prepare<[string], { id: string; role: ScopeSubject['role']; team_kind: ScopeSubject['teamKind']; shop_id: string | null }>(
    'SELECT id, role, team_kind, shop_id FROM users WHERE id = ? AND deleted = 0',
  );
  const teams = db.prepare<[string], { team_id: string }>(
    'SELECT tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = ? AND t.deleted = 0 ORDER BY tm.team_id',
  );
  return {
    subject: (userId) => {
      const row = subject.get(userId);
      return row ? { id: row.id, role: row.role, teamKind: row.team_kind, shopId: row.shop_id } : null;
    },
    teamIdsOf: (userId) => teams.all(userId).map((r) => r.team_id),
  };
}
