import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { method, PUBLIC } from '../../../shared/rpc/define';
import { RpcError } from '../../../shared/rpc/errors';
import type { SessionInfo } from '../../../shared/domain/session';
import { createDispatcher } from './dispatcher';
import type { CallContext, Handlers } from './handlers';

const contract = {
  'echo.say': method(z.object({ text: z.string().max(10) }), PUBLIC).returns<string>(),
  'notes.list': method(z.object({}).optional()).returns<string[]>(),
  'monitor.watch': method(z.object({}).optional(), { kind: 'user', roles: ['lead', 'admin'] }).returns<string>(),
  'boom.typed': method(z.object({}).optional(), PUBLIC).returns<null>(),
  'boom.raw': method(z.object({}).optional(), PUBLIC).returns<null>(),
  'slow.wait': method(z.object({}).optional(), PUBLIC).returns<string>(),
};

const agent: SessionInfo = {
  userId: 'u1',
  username: 'agent',
  displayName: '李小满',
  role: 'agent',
  teamKind: 'platform',
  serverUrl: 'http://127.0.0.1:1',
  expiresAt: Date.now() + 60_000,
};

function setup(user: SessionInfo | null) {
  const seen: CallContext[] = [];
  const internal: unknown[] = [];
  const handlers = {
    'echo.say': ({ text }: { text: string }, ctx: CallContext) => {
      seen.push(ctx);
      return `echo ${text}`;
    },
    'notes.list': () => ['a'],
    'monitor.watch': () => 'watching',
    'boom.typed': () => {
      throw new RpcError('not_found', 'no such conversation');
    },
    'boom.raw': () => {
      throw new Error('database is locked at /secret/path');
    },
    'slow.wait': (_args: unknown, ctx: CallContext) =>
      new Promise<string>((resolve) => ctx.signal.addEventListener('abort', () => resolve('late'))),
  } as unknown as Handlers;
  const dispatcher = createDispatcher({
    handlers,
    contract,
    session: () => user,
    onInternalError: (_m, e) => internal.push(e),
  });
  const window = { id: 'w1', kind: 'workstation' as const };
  const call = (name: string, args?: unknown, signal = new AbortController().signal) =>
    dispatcher.dispatch(name, args, window, signal);
  return { call, seen, internal };
}

describe('dispatcher', () => {
  it('validates args and hands the handler the caller context', async () => {
    const { call, seen } = setup(agent);
    expect(await call('echo.say', { text: '你好' })).toEqual({ ok: true, value: 'echo 你好' });
    expect(seen[0]?.window).toEqual({ id: 'w1', kind: 'workstation' });
    expect(seen[0]?.session?.username).toBe('agent');
  });

  it('answers invalid_args with the failing field, without calling the handler', async () => {
    const { call, seen } = setup(agent);
    const result = await call('echo.say', { text: 'far more than ten characters' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(!result.ok && result.message).toContain('text');
    expect(await call('echo.say', 'not an object')).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(seen).toHaveLength(0);
  });

  it('answers unknown_method for names outside the contract, including prototype keys', async () => {
    const { call } = setup(agent);
    for (const name of ['nope.never', '__proto__', 'constructor', 'toString', 'x'.repeat(5000)]) {
      const result = await call(name);
      expect(result).toMatchObject({ ok: false, code: 'unknown_method' });
      expect(!result.ok && result.message.length).toBeLessThan(200);
    }
  });

  it('requires a session for user methods and the right role for role methods', async () => {
    expect(await setup(null).call('notes.list')).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await setup(agent).call('notes.list')).toEqual({ ok: true, value: ['a'] });
    expect(await setup(agent).call('monitor.watch')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await setup({ ...agent, role: 'lead' }).call('monitor.watch')).toEqual({ ok: true, value: 'watching' });
  });

  it('passes a handler RpcError through and hides other failures as internal', async () => {
    const { call, internal } = setup(agent);
    expect(await call('boom.typed')).toEqual({ ok: false, code: 'not_found', message: 'no such conversation' });
    const raw = await call('boom.raw');
    expect(raw).toMatchObject({ ok: false, code: 'internal' });
    expect(!raw.ok && raw.message).not.toContain('/secret/path');
    expect(internal).toHaveLength(1);
  });

  it('answers cancelled when the call is aborted while running', async () => {
    const { call } = setup(agent);
    const controller = new AbortController();
    const pending = call('slow.wait', undefined, controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, code: 'cancelled' });
  });
});
