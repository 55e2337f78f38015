import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/* Customer-side sessions: token hashes only, kept apart from agent sessions. */

export interface CustomerSessionRecord {
  tokenHash: string;
  customerId: string;
  createdAt: number;
  expiresAt: number;
}

export interface CustomerSessionsStore {
  session(tokenHash: string): CustomerSessionRecord | null;
  insertSession(tx: WriteTx, session: CustomerSessionRecord): void;
}

export function createCustomerSessionsStore(db: SqliteDatabase): CustomerSessionsStore {
  const get = db.prepare<[string], { token_hash: string; customer_id: string; created_at: number; expires_at: number }>(
    'SELECT token_hash, customer_id, created_at, expires_at FROM customer_sessions WHERE token_hash = ?',
  );
  const insert = db.prepare<[string, string, number, number]>(
    'INSERT INTO customer_sessions (token_hash, customer_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  return {
    session: (tokenHash) => {
      const r = get.get(tokenHash);
      return r ? { tokenHash: r.token_hash, customerId: r.customer_id, createdAt: r.created_at, expiresAt: r.expires_at } : null;
    },
    insertSession: (_tx, s) => {
      insert.run(s.tokenHash, s.customerId, s.createdAt, s.expiresAt);
    },
  };
}
