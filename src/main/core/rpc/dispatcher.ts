import { methods, type MethodName } from '../../../shared/rpc/contract';
import type { MethodSpec } from '../../../shared/rpc/define';
import { RpcError, type RpcResult } from '../../../shared/rpc/errors';
import type { SessionInfo } from '../../../shared/domain/session';
import type { CallContext, Handlers, WindowRef } from './handlers';

export interface Dispatcher {
  /** Validates and runs one call. Never throws: every failure is an `{ok:false}` result. */
  dispatch(name: string, args: unknown, window: WindowRef, signal: AbortSignal): Promise<RpcResult<unknown>>;
}

export interface DispatcherOptions {
  handlers: Handlers;
  /** the method table to check calls against; the shared contract unless a test brings its own */
  contract?: Record<string, MethodSpec>;
  session: () => SessionInfo | null;
  onInternalError?: (method: string, error: unknown) => void;
}

export function createDispatcher({ handlers, session, onInternalError, contract = methods }: DispatcherOptions): Dispatcher {
  return {
    async dispatch(name, rawArgs, window, signal) {
      const spec = Object.prototype.hasOwnProperty.call(contract, name) ? contract[name] : undefined;
      if (!spec) return { ok: false, code: 'unknown_method', message: `unknown method ${name.slice(0, 100)}` };
      const user = session();
      if (spec.access.kind === 'user') {
        if (!user) return { ok: false, code: 'unauthenticated', message: 'sign in first' };
        const roles = spec.access.roles;
        if (roles && !roles.includes(user.role)) {
          return { ok: false, code: 'forbidden', message: `${name} needs one of the roles ${roles.join(', ')}` };
        }
      }
      const parsed = spec.args.safeParse(rawArgs);
      if (!parsed.success) {
        const message = parsed.error.issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join('.') || 'args'}: ${issue.message}`)
          .join('; ');
        return { ok: false, code: 'invalid_args', message };
      }
      if (signal.aborted) return { ok: false, code: 'cancelled', message: 'the call was cancelled' };
      const ctx: CallContext = { window, session: user, signal };
      try {
        const handler = handlers[name as MethodName] as (args: unknown, ctx: CallContext) => unknown;
        const value = await handler(parsed.data, ctx);
        if (signal.aborted) return { ok: false, code: 'cancelled', message: 'the call was cancelled' };
        return { ok: true, value: value ?? null };
      } catch (error) {
        if (error instanceof RpcError) return { ok: false, code: error.code, message: error.message };
        onInternalError?.(name, error);
        return { ok: false, code: 'internal', message: `${name} failed inside the core` };
      }
    },
  };
}
