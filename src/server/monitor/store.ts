import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/** The one users column the monitor changes: an agent's cap on concurrent chats. */
export interface SeatCapacityWrites {
  /** re-stamps the agent row, so their workstation and the lead's see the new cap */
  setMaxConcurrent(tx: WriteTx, userId: string, maxConcurrent: number): void;
}

export function createSeatCapacityStore(db: SqliteDatabase): SeatCapacityWrites {
  const update = db.prepare<[number, number, string]>('UPDATE users SET max_concurrent = ?, seq = ? WHERE id = ?');
  return {
    setMaxConcurrent: (tx, userId, maxConcurrent) => {
      update.run(maxConcurrent, tx.stamp('agents'), userId);
    },
  };
}
