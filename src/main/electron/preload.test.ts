import type { EventEmitter } from 'node:events';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, IPC_FRAME_TO_CORE, IPC_FRAME_TO_WINDOW, IPC_WINDOW_PIN, type SeatdeskBridge } from '../../shared/rpc/bridge';

// The real preload runs inside Electron's sandbox; here `electron` is a fake with the same shape.
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), { send: vi.fn(), invoke: vi.fn() });
  return { contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer };
});

const electron = await import('electron');
const ipcRenderer = electron.ipcRenderer as unknown as EventEmitter & { send: ReturnType<typeof vi.fn>; invoke: ReturnType<typeof vi.fn> };
let bridge: SeatdeskBridge;

beforeAll(async () => {
  await import('./preload');
  const expose = vi.mocked(electron.contextBridge.exposeInMainWorld);
  expect(expose).toHaveBeenCalledTimes(1);
  const [key, api] = expose.mock.calls[0] ?? [];
  expect(key).toBe(BRIDGE_KEY);
  bridge = api as SeatdeskBridge;
});

beforeEach(() => {
  ipcRenderer.send.mockClear();
  ipcRenderer.invoke.mockReset();
});

describe('the preload bridge', () => {
  it('exposes exactly shell, send, onFrame and pin, and never ipcRenderer', () => {
    expect(Object.keys(bridge).sort()).toEqual(['onFrame', 'pin', 'send', 'shell']);
    expect(bridge.shell).toBe('electron');
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('sends text frames to the core channel', () => {
    bridge.send('{"t":"call","id":1,"m":"session.get"}');
    expect(ipcRenderer.send).toHaveBeenCalledWith(IPC_FRAME_TO_CORE, '{"t":"call","id":1,"m":"session.get"}');
  });

  it('drops anything that is not a string', () => {
    for (const value of [undefined, null, 1, {}, ['x'], new Uint8Array(2)]) bridge.send(value as unknown as string);
    expect(ipcRenderer.send).not.toHaveBeenCalled();
  });

  it('delivers only the text of core frames, never the IPC event, until unsubscribed', () => {
    const received: unknown[][] = [];
    const stop = bridge.onFrame((...args: unknown[]) => received.push(args));
    const fakeEvent = { sender: ipcRenderer };
    ipcRenderer.emit(IPC_FRAME_TO_WINDOW, fakeEvent, '{"t":"evt"}');
    ipcRenderer.emit(IPC_FRAME_TO_WINDOW, fakeEvent, { not: 'text' });
    stop();
    ipcRenderer.emit(IPC_FRAME_TO_WINDOW, fakeEvent, '{"t":"late"}');
    expect(received).toEqual([['{"t":"evt"}']]);
    expect(ipcRenderer.listenerCount(IPC_FRAME_TO_WINDOW)).toBe(0);
  });

  it('ignores a receiver that is not a function', () => {
    const stop = bridge.onFrame('nope' as unknown as (text: string) => void);
    expect(ipcRenderer.listenerCount(IPC_FRAME_TO_WINDOW)).toBe(0);
    expect(stop()).toBeUndefined();
  });

  it('asks the shell to pin with only a boolean, and passes on only a boolean answer', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce(true);
    await expect(bridge.pin(true)).resolves.toBe(true);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_WINDOW_PIN, { pinned: true });

    ipcRenderer.invoke.mockResolvedValueOnce(false);
    await expect(bridge.pin()).resolves.toBe(false);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_WINDOW_PIN, {});

    // a page passing something else only asks; a refusal or an odd answer reads as "cannot pin"
    for (const answer of [null, 'true', { pinned: true }]) {
      ipcRenderer.invoke.mockResolvedValueOnce(answer);
      await expect(bridge.pin({ level: 'screen-saver' } as unknown as boolean)).resolves.toBeNull();
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_WINDOW_PIN, {});
    }
  });
});
