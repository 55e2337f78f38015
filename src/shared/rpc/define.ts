import type { z } from 'zod';

/** Who may call a method: anyone connected, or only a signed-in user (optionally of certain roles). */
export type Access = { kind: 'public' } | { kind: 'user'; roles?: readonly Role[] };

export type Role = 'agent' | 'lead' | 'admin';

export interface MethodSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: A;
  readonly access: Access;
  /** Phantom: carries the result type only, never set at run time. */
  readonly __result?: R;
}

/**
 * Declares one RPC method: `method(argsSchema).returns<Result>()`, optionally `.access(...)`.
 * The result type is compile-time only because results come from our own core, not from outside.
 */
export function method<A extends z.ZodType>(args: A, access: Access = { kind: 'user' }) {
  return {
    returns<R>(): MethodSpec<A, R> {
      return { args, access };
    },
  };
}

export const PUBLIC: Access = { kind: 'public' };

/** Declares an event's payload type (compile-time only). */
export function event<P>(): { readonly __payload?: P } {
  return {};
}

export type ArgsOf<S> = S extends MethodSpec<infer A, unknown> ? z.input<A> : never;
export type ParsedArgsOf<S> = S extends MethodSpec<infer A, unknown> ? z.output<A> : never;
export type ResultOf<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;
export type PayloadOf<E> = E extends { readonly __payload?: infer P } ? P : never;
