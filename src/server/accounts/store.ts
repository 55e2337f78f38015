import type { ServerUser } from '../../shared/api/auth';
import type { SqliteDatabase } from '../db/sqlite';
import { writerFor } from '../db/writer';

/*
 * SQL for users and sessions. Reads and writes are separate interfaces (ARCHITECTURE §4.4),
 * so code that only needs to look things up cannot change them.
 */

export interface UserRecord extends ServerUser {
  passwordHash: string;
  createdAt: number;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface AccountsReads {
  userByUsername(username: string): UserRecord | null;
  userById(id: string): UserRecord | null;
  countUsers(): number;
  session(tokenHash: string): SessionRecord | null;
}

export interface AccountsWrites {
  /** Inserts all users in one transaction: all or none. */
  insertUsers(users: readonly UserRecord[]): void;
  insertSession(session: Omit<SessionRecord, 'revokedAt'>): void;
  /** Marks the session revoked; returns false when it was unknown or already revoked. */
  revokeSession(tokenHash: string, at: number): boolean;
}

export type AccountsStore = AccountsReads & AccountsWrites;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: ServerUser['role'];
  team_kind: ServerUser['teamKind'];
  password_hash: string;
  created_at: number;
}

interface SessionRow {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

const USER_COLUMNS = 'id, username, display_name, role, team_kind, password_hash, created_at';

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    teamKind: row.team_kind,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

function toSession(row: SessionRow): SessionRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Prepares every statement once, up front, so a typo in SQL fails at start-up, not mid-request. */
export function createAccountsStore(db: SqliteDatabase): AccountsStore {
  // A deleted user (a tombstone in the agent directory) can neither sign in nor use a token.
  const byUsername = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ? AND deleted = 0`);
  const byId = db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ? AND deleted = 0`);
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const sessionByHash = db.prepare<[string], SessionRow>(
    'SELECT token_hash, user_id, created_at, expires_at, revoked_at FROM sessions WHERE token_hash = ?',
  );
  // Users are the agent directory, a synced entity: each insert takes a seq.
  const insertUser = db.prepare<[string, string, string, string, string, string, number, number]>(
    `INSERT INTO users (${USER_COLUMNS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSession = db.prepare<[string, string, number, number]>(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const revoke = db.prepare<[number, string]>(
    'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const writer = writerFor(db);

  return {
    userByUsername: (username) => {
      const row = byUsername.get(username);
      return row ? toUser(row) : null;
    },
    userById: (id) => {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    countUsers: () => count.get()?.n ?? 0,
    session: (tokenHash) => {
      const row = sessionByHash.get(tokenHash);
      return row ? toSession(row) : null;
    },
    insertUsers: (users) =>
      writer.write((tx) => {
        for (const u of users) {
          insertUser.run(u.id, u.username, u.displayName, u.role, u.teamKind, u.passwordHash, u.createdAt, tx.stamp('agents'));
        }
      }),
    insertSession: (s) => {
      insertSession.run(s.tokenHash, s.userId, s.createdAt, s.expiresAt);
    },
    revokeSession: (tokenHash, at) => revoke.run(at, tokenHash).changes > 0,
  };
}
