// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/errors';
import { loginFailure } from './loginFailure';

describe('loginFailure', () => {
  it('says wrong username or password for rejected credentials', () => {
    expect(loginFailure(new RpcError('unauthenticated', 'x'))).toEqual({ key: 'login.wrongCredentials' });
    expect(loginFailure(new RpcError('invalid_args', 'password: Too big'))).toEqual({ key: 'login.wrongCredentials' });
  });

  it('puts an invalid server address beside its field', () => {
    expect(loginFailure(new RpcError('invalid_args', 'serverUrl: server URL must be an http:// or https:// address'))).toEqual({
      key: 'login.serverInvalid',
      field: 'serverUrl',
    });
  });

  it('tells an unreachable server and throttling apart', () => {
    expect(loginFailure(new RpcError('offline', 'ECONNREFUSED'))).toEqual({ key: 'errors.offline' });
    expect(loginFailure(new RpcError('forbidden', 'slow down'))).toEqual({ key: 'login.throttled' });
    expect(loginFailure(new RpcError('disconnected', 'link lost'))).toEqual({ key: 'errors.disconnected' });
  });

  it('says nothing for a cancelled call and falls back to an internal error for the unknown', () => {
    expect(loginFailure(new RpcError('cancelled', 'x'))).toBeNull();
    expect(loginFailure(new Error('boom'))).toEqual({ key: 'errors.internal' });
  });
});
