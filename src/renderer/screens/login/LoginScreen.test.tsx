// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../../shared/rpc/errors';
import { settle } from '../../testing/fakeCore';
import { renderApp, typeInto } from '../../testing/renderApp';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const rejectAll = {
  'session.login': () => {
    throw new RpcError('unauthenticated', 'bad credentials');
  },
};

describe('LoginScreen', () => {
  it('shows the Chinese sign-in form, prefilled with the server from the settings', async () => {
    view = await renderApp({ handlers: rejectAll });
    const { byTestId, container } = view;
    expect(byTestId('login-form')).not.toBeNull();
    for (const label of ['Seatdesk 坐席工作台', '服务器地址', '用户名', '密码']) expect(container.textContent).toContain(label);
    expect((byTestId('login-server') as HTMLInputElement).value).toBe('http://127.0.0.1:4700');
    expect(byTestId('login-submit')?.textContent?.replace(/\s/g, '')).toBe('登录');
    expect(byTestId('lang-switch')?.textContent).toContain('English');
    expect(document.title).toBe('Seatdesk — 工作台');
  });

  it('shows the wrong-credentials error inline when the core rejects the sign-in', async () => {
    view = await renderApp({ handlers: rejectAll });
    const { byTestId, core } = view;
    typeInto(byTestId('login-username') as HTMLInputElement, 'agent1');
    typeInto(byTestId('login-password') as HTMLInputElement, 'nope');
    await act(async () => {
      (byTestId('login-form') as HTMLFormElement).requestSubmit();
      await settle();
      await settle();
    });
    expect(core.calls.find((c) => c.method === 'session.login')?.args).toEqual({
      serverUrl: 'http://127.0.0.1:4700',
      username: 'agent1',
      password: 'nope',
    });
    expect(byTestId('login-error')?.textContent).toContain('用户名或密码错误');
  });
});
