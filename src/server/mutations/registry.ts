import type { z } from 'zod';
import { MUTATION_ARGS, type MutationArgs, type MutationName } from '../../shared/api/mutations';
import type { WriteTx } from '../db/writer';
import type { Scope } from '../scope/scope';
import type { RowRef } from '../sync/service';

/** What a mutation's apply gets: the open write transaction and who is asking. */
export interface MutationContext {
  tx: WriteTx;
  scope: Scope;
  now: number;
  clientId: string;
  mutationId: string;
}

export interface MutationDefinition<A> {
  args: z.ZodType<A, unknown>;
  /**
   * Applies the change inside ctx.tx and returns the rows the caller should get back; throws a
   * Rejection for a permanent refusal. Must be deterministic given the database state: it runs
   * at most once per (client, id), and a repeat gets the stored outcome instead.
   */
  apply(ctx: MutationContext, args: A): RowRef[];
}

/** Name → definition. Features register theirs at start-up; nothing is registered per request. */
export class MutationRegistry {
  private readonly definitions = new Map<string, MutationDefinition<unknown>>();

  registerMutation<A>(name: string, definition: MutationDefinition<A>): void {
    if (this.definitions.has(name)) throw new Error(`mutation ${name} registered twice`);
    this.definitions.set(name, definition as MutationDefinition<unknown>);
  }

  /** Registers one of the shared contract's mutations with its shared args schema. */
  register<N extends MutationName>(name: N, apply: (ctx: MutationContext, args: MutationArgs<N>) => RowRef[]): void {
    const args = MUTATION_ARGS[name] as unknown as z.ZodType<MutationArgs<N>, unknown>;
    this.registerMutation(name, { args, apply });
  }

  get(name: string): MutationDefinition<unknown> | undefined {
    return this.definitions.get(name);
  }

  names(): string[] {
    return [...this.definitions.keys()].sort();
  }
}
