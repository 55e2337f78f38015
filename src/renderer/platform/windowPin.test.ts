import { describe, expect, it, vi } from 'vitest';
import type { SeatdeskBridge } from '../../shared/rpc/bridge';
import { windowPinFor } from './windowPin';

const bridge = (): SeatdeskBridge => ({ shell: 'electron', send: vi.fn(), onFrame: vi.fn(), pin: vi.fn(async () => true) });
const chat = { kind: 'chat', conversationId: 'c_1' } as const;

describe('windowPinFor', () => {
  it('offers no pin in the browser, where a tab cannot be pinned', () => {
    expect(windowPinFor(null, chat)).toBeNull();
  });

  it('offers no pin to windows other than a pop-out chat', () => {
    expect(windowPinFor(bridge(), { kind: 'workstation' })).toBeNull();
    expect(windowPinFor(bridge(), { kind: 'monitor' })).toBeNull();
  });

  it('pins an Electron pop-out chat through the bridge, handing out nothing else of it', async () => {
    const electron = bridge();
    const pin = windowPinFor(electron, chat);
    expect(Object.keys(pin ?? {})).toEqual(['pin']);
    await expect(pin?.pin(true)).resolves.toBe(true);
    expect(electron.pin).toHaveBeenCalledWith(true);
  });
});
