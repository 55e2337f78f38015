import type { SqliteDatabase, Statement } from './sqlite';

/*
 * The server-wide sequence number every synced row carries (ARCHITECTURE §2). Clients pull
 * "seq > cursor", so numbers must be strictly increasing and never reused: a counter row
 * rather than MAX(seq) over tables, which would reuse the number of a deleted last row.
 */

const statements = new WeakMap<SqliteDatabase, Statement<[], { value: number }>>();

/**
 * Hands out the next seq. Call it inside the same write transaction as the row change it
 * stamps, so a rolled-back change also rolls back its number and no gap appears.
 */
export function nextSeq(db: SqliteDatabase): number {
  let stmt = statements.get(db);
  if (!stmt) {
    stmt = db.prepare<[], { value: number }>('UPDATE seq_counter SET value = value + 1 WHERE id = 1 RETURNING value');
    statements.set(db, stmt);
  }
  const row = stmt.get();
  if (!row) throw new Error('seq_counter row is missing');
  return row.value;
}
