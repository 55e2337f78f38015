// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/domain/settings';
import { RpcError } from '../../../shared/rpc/errors';
import { settle } from '../../testing/fakeCore';
import { renderApp, typeInto } from '../../testing/renderApp';
import { changedSettings } from './settingsPatch';

let view: Awaited<ReturnType<typeof renderApp>> | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function save() {
  await act(async () => {
    (view!.byTestId('settings-form') as HTMLFormElement).requestSubmit();
    await settle();
    await settle();
  });
}

describe('SettingsWindow', () => {
  it('is reachable signed out and saves only the changed fields through the core', async () => {
    view = await renderApp({ route: { kind: 'settings' } });
    expect(document.title).toBe('Seatdesk — 设置');
    typeInto(view.byTestId('settings-server') as HTMLInputElement, 'https://cc.example.com');
    await save();
    const call = view.core.calls.find((c) => c.method === 'settings.set');
    expect(call?.args).toEqual({ serverUrl: 'https://cc.example.com' });
    expect(view.store.getState().settings?.serverUrl).toBe('https://cc.example.com');
  });

  it('shows the core’s invalid_args beside the field it names', async () => {
    view = await renderApp({
      route: { kind: 'settings' },
      handlers: {
        'settings.set': () => {
          throw new RpcError('invalid_args', 'serverUrl: server URL must be an http:// or https:// address');
        },
      },
    });
    typeInto(view.byTestId('settings-server') as HTMLInputElement, 'http://rejected.example');
    await save();
    expect(view.byTestId('settings-server')?.getAttribute('aria-invalid')).toBe('true');
    // antd animates the message in: let its motion start.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(view.container.textContent).toContain('请输入以 http:// 或 https:// 开头的地址');
    expect(view.byTestId('settings-error')).toBeNull();
  });
});

describe('the cache key line', () => {
  it('says where the key of the encrypted cache is kept, and follows the core when it changes', async () => {
    view = await renderApp({ route: { kind: 'settings' }, handlers: { 'cache.status': () => ({ keyCustody: 'keychain', reset: null }) } });
    await act(settle);
    const line = () => view!.byTestId('cache-security');
    expect(line()?.getAttribute('data-custody')).toBe('keychain');
    expect(line()?.textContent).toContain('系统钥匙串');
    await act(async () => {
      view!.core.emit('cache.changed', { keyCustody: 'file', reset: null });
      await settle();
    });
    expect(line()?.getAttribute('data-custody')).toBe('file');
    expect(line()?.textContent).toContain('只有当前系统用户能读取的文件');
  });

  it('shows nothing when the core cannot say', async () => {
    view = await renderApp({ route: { kind: 'settings' } });
    await act(settle);
    expect(view.byTestId('cache-security')).toBeNull();
    expect(view.byTestId('settings-form')).not.toBeNull();
  });
});

describe('changedSettings', () => {
  it('keeps only what differs, trimming text', () => {
    const current = defaultSettings();
    expect(changedSettings(current, { ...current })).toEqual({});
    expect(changedSettings(current, { ...current, serverUrl: ` ${current.serverUrl} `, fontSize: 16 })).toEqual({ fontSize: 16 });
  });
});
