import { RpcError } from '../../shared/rpc/errors';
import type { MessageKey } from './resources';

/** The message for a failed call, by its RpcError code; anything else is an internal error. */
export function errorKey(error: unknown): MessageKey {
  return error instanceof RpcError ? `errors.${error.code}` : 'errors.internal';
}
