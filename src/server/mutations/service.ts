import { z } from 'zod';
import type { Mutation, MutationOutcome, MutationResult } from '../../shared/api/sync';
import type { Writer } from '../db/writer';
import type { ScopeResolver } from '../scope/resolver';
import type { Scope } from '../scope/scope';
import type { SyncService } from '../sync/service';
import type { MutationRegistry } from './registry';
import { Rejection } from './rejection';
import type { AppliedMutationsStore } from './store';

export interface BatchResult {
  results: MutationResult[];
  /** set when a temporary failure stopped the batch: the mutations without a result were not applied */
  failure?: unknown;
}

/**
 * Applies mutations at most once per (client, id) (docs/sync-protocol.md, Mutations). Each one
 * runs in its own transaction together with its applied_mutations row; its effects run in a
 * savepoint inside it, so a rejection undoes the effects but still records the outcome. The
 * answer is built after the commit, so nothing is acknowledged that could still be lost.
 */
export class MutationService {
  constructor(
    private readonly deps: {
      writer: Writer;
      registry: MutationRegistry;
      applied: AppliedMutationsStore;
      sync: SyncService;
      scopes: ScopeResolver;
      now: () => number;
    },
  ) {}

  /**
   * In the order sent; stops at the first temporary failure so later ones never overtake it. The
   * batch shares a group commit with the writes other clients sent meanwhile (one fsync for all)
   * and resolves after it; if that commit fails, none of the batch was applied.
   */
  applyBatch(userId: string, clientId: string, mutations: readonly Mutation[]): Promise<BatchResult> {
    return this.deps.writer
      .writeGrouped((): BatchResult => {
        const results: MutationResult[] = [];
        for (const mutation of mutations) {
          try {
            results.push(this.applyOne(userId, clientId, mutation));
          } catch (failure) {
            return { results, failure };
          }
        }
        return { results };
      })
      .catch((failure: unknown) => ({ results: [], failure }));
  }

  applyOne(userId: string, clientId: string, mutation: Mutation): MutationResult {
    const { writer, applied } = this.deps;
    return writer.write((tx) => {
      const stored = applied.applied(clientId, mutation.id);
      if (stored) {
        // Client ids are chosen by clients: never hand one user's outcome to another.
        if (stored.userId !== userId) return rejected(mutation.id, 'conflict', 'this mutation id was already used by another user');
        return { id: mutation.id, ...stored.outcome };
      }
      const scope = this.deps.scopes.scopeFor(userId);
      const now = this.deps.now();
      const outcome: MutationOutcome = scope
        ? this.decide(scope, clientId, mutation, now)
        : { status: 'rejected', code: 'forbidden', message: 'your account is no longer active' };
      applied.record(tx, { clientId, mutationId: mutation.id, userId, outcome, at: now });
      return { id: mutation.id, ...outcome };
    });
  }

  private decide(scope: Scope, clientId: string, mutation: Mutation, now: number): MutationOutcome {
    const definition = this.deps.registry.get(mutation.name);
    if (!definition) return { status: 'rejected', code: 'invalid_args', message: `unknown mutation ${mutation.name}` };
    const args = definition.args.safeParse(mutation.args);
    if (!args.success) return { status: 'rejected', code: 'invalid_args', message: `args: ${z.prettifyError(args.error)}` };
    try {
      const refs = this.deps.writer.write((tx) =>
        definition.apply({ tx, scope, now, clientId, mutationId: mutation.id }, args.data),
      );
      return { status: 'applied', rows: this.deps.sync.rowsFor(scope, refs) };
    } catch (error) {
      if (error instanceof Rejection) return { status: 'rejected', code: error.code, message: error.message };
      throw error;
    }
  }
}

function rejected(id: string, code: Rejection['code'], message: string): MutationResult {
  return { id, status: 'rejected', code, message };
}
