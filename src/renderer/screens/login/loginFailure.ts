import { RpcError } from '../../../shared/rpc/errors';
import { errorKey } from '../../i18n/errorKey';
import type { MessageKey } from '../../i18n/resources';
import { invalidFields } from '../../state/invalidArgs';

export interface LoginFailure {
  key: MessageKey;
  /** set when the message belongs beside one field rather than above the form */
  field?: 'serverUrl';
}

/**
 * What to tell the user when signing in failed. The core answers `unauthenticated` for bad
 * credentials, `forbidden` when it throttles attempts and `offline` when the server cannot be
 * reached. Input the form already checks can only fail on the server's limits (an overlong name
 * or password), which also means the credentials are wrong. A cancelled call says nothing.
 */
export function loginFailure(error: unknown): LoginFailure | null {
  if (!(error instanceof RpcError)) return { key: 'errors.internal' };
  switch (error.code) {
    case 'cancelled':
      return null;
    case 'unauthenticated':
      return { key: 'login.wrongCredentials' };
    case 'forbidden':
      return { key: 'login.throttled' };
    case 'invalid_args':
      return invalidFields(error.message).includes('serverUrl')
        ? { key: 'login.serverInvalid', field: 'serverUrl' }
        : { key: 'login.wrongCredentials' };
    default:
      return { key: errorKey(error) };
  }
}
