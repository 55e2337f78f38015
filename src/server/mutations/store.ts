import type { MutationOutcome } from '../../shared/api/sync';
import type { SqliteDatabase } from '../db/sqlite';
import type { WriteTx } from '../db/writer';

/** The outcome of a mutation already applied, as stored for repeats. */
export interface AppliedMutation {
  userId: string;
  outcome: MutationOutcome;
}

export interface AppliedMutationsReads {
  applied(clientId: string, mutationId: string): AppliedMutation | null;
}

export interface AppliedMutationsWrites {
  /** Written in the transaction of the mutation's effects: both commit or neither. */
  record(tx: WriteTx, entry: { clientId: string; mutationId: string; userId: string; outcome: MutationOutcome; at: number }): void;
  /** Forgets at most `limit` outcomes recorded before `before`; returns how many. */
  prune(tx: WriteTx, before: number, limit: number): number;
}

export type AppliedMutationsStore = AppliedMutationsReads & AppliedMutationsWrites;

export function createAppliedMutationsStore(db: SqliteDatabase): AppliedMutationsStore {
  const get = db.prepare<[string, string], { user_id: string; outcome: string }>(
    'SELECT user_id, outcome FROM applied_mutations WHERE client_id = ? AND mutation_id = ?',
  );
  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO applied_mutations (client_id, mutation_id, user_id, outcome, applied_at) VALUES (?, ?, ?, ?, ?)',
  );
  // Oldest first through the applied_at index; bounded so one pass never holds the writer long.
  const prune = db.prepare<[number, number]>(
    `DELETE FROM applied_mutations WHERE (client_id, mutation_id) IN
      (SELECT client_id, mutation_id FROM applied_mutations WHERE applied_at < ? ORDER BY applied_at LIMIT ?)`,
  );
  return {
    applied: (clientId, mutationId) => {
      const row = get.get(clientId, mutationId);
      return row ? { userId: row.user_id, outcome: JSON.parse(row.outcome) as MutationOutcome } : null;
    },
    record: (_tx, e) => {
      insert.run(e.clientId, e.mutationId, e.userId, JSON.stringify(e.outcome), e.at);
    },
    prune: (_tx, before, limit) => prune.run(before, limit).changes,
  };
}
