import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/** One audited action. `detail` says what was done, never the personal data itself. */
export interface AuditEntry {
  id: string;
  at: number;
  userId: string | null;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface AuditReads {
  entriesFor(target: string): AuditEntry[];
}

export interface AuditWrites {
  /** Runs inside the write of the audited action, so the action and its record commit together. */
  record(tx: WriteTx, entry: AuditEntry): void;
}

export type AuditStore = AuditReads & AuditWrites;

export function createAuditStore(db: SqliteDatabase): AuditStore {
  const insert = db.prepare<[string, number, string | null, string, string, string]>(
    'INSERT INTO audit_log (id, at, user_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byTarget = db.prepare<[string], { id: string; at: number; user_id: string | null; action: string; target: string; detail: string }>(
    'SELECT id, at, user_id, action, target, detail FROM audit_log WHERE target = ? ORDER BY at, id',
  );
  return {
    record: (_tx, e) => {
      insert.run(e.id, e.at, e.userId, e.action, e.target, JSON.stringify(e.detail));
    },
    entriesFor: (target) =>
      byTarget.all(target).map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        action: r.action,
        target: r.target,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      })),
  };
}
